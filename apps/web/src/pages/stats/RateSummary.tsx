import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { FigureLink } from './FigureLink';
import { formatRate } from './figure-columns';
import { yearEarlier } from './reporting-period';
import type { Report } from './stats-queries';

/**
 * The two rates as the office reads them: resolved / with conditions, against the year's target
 * (the gap in percentage points, positive = vượt) and beside the same period of last year.
 */
export const RateSummary = ({ report, unitName }: { report: Report; unitName: string }) => {
  const { t } = useI18n();
  const card = (measure: 'cases' | 'money') => {
    const f = report[measure];
    const target = report.target
      ? { rate: report.target[measure], gap: report.target[measure === 'cases' ? 'casesGap' : 'moneyGap'] }
      : undefined;
    const last = report.samePeriodLastYear?.[measure];
    const change = last ? Number(f.rate) - Number(last.rate) : undefined;
    const then = { from: yearEarlier(report.from), to: yearEarlier(report.to) };
    return (
      <Col xs={24} md={12} key={measure}>
        <Card size="small" data-testid={`rate-${measure}`}>
          <Statistic
            title={t(measure === 'cases' ? 'stats.rate.cases' : 'stats.rate.money')}
            value={formatRate(f.rate)}
            suffix="%"
          />
          <Typography.Paragraph style={{ margin: 0 }}>
            <FigureLink
              value={f.resolved}
              unitName={unitName}
              target={{ measure, column: 'resolved', unitId: report.unitId }}
            />
            {' / '}
            <FigureLink
              value={f.withConditions}
              unitName={unitName}
              target={{ measure, column: 'withConditions', unitId: report.unitId }}
            />
          </Typography.Paragraph>
          <Typography.Paragraph style={{ margin: 0 }} data-testid={`target-${measure}`}>
            {target ? (
              <>
                {t('stats.target', { target: formatRate(target.rate) })}
                {' · '}
                <span className={Number(target.gap) >= 0 ? 'stats-above' : 'stats-below'}>
                  {t(Number(target.gap) >= 0 ? 'stats.target.above' : 'stats.target.below', {
                    gap: formatRate(String(target.gap).replace('-', '')),
                  })}
                </span>
              </>
            ) : (
              <Typography.Text type="secondary">{t('stats.target.none')}</Typography.Text>
            )}
          </Typography.Paragraph>
          <Typography.Paragraph style={{ margin: 0 }} data-testid={`last-year-${measure}`}>
            {last ? (
              <>
                {t('stats.lastYear', { rate: formatRate(last.rate) })}
                {' ('}
                <FigureLink
                  value={last.resolved}
                  unitName={unitName}
                  target={{ measure, column: 'resolved', unitId: report.unitId, ...then }}
                />
                {' / '}
                <FigureLink
                  value={last.withConditions}
                  unitName={unitName}
                  target={{ measure, column: 'withConditions', unitId: report.unitId, ...then }}
                />
                {') · '}
                {t('stats.lastYear.change', {
                  sign: change! >= 0 ? '+' : '−',
                  change: formatRate(Math.abs(change!).toFixed(2)),
                })}
              </>
            ) : (
              <Typography.Text type="secondary">{t('stats.lastYear.none')}</Typography.Text>
            )}
          </Typography.Paragraph>
        </Card>
      </Col>
    );
  };
  return (
    <Row gutter={[12, 12]} className="stats-rates">
      {card('cases')}
      {card('money')}
    </Row>
  );
};
