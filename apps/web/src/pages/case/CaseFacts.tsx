import { Card, Col, Descriptions, Row, Statistic, Tag } from 'antd';
import { Link } from 'react-router';
import { useUnits } from '../../app/units';
import { caseLink } from '../../app/routes';
import { formatDate } from '../../format/date';
import { formatMoney } from '../../format/money';
import { useI18n } from '../../i18n/i18n';
import type { CaseView } from './case-types';

const AMOUNTS = ['due', 'collected', 'disbursed', 'remaining'] as const;

/** The state, the amounts (phải thi hành, đã thu, đã chi, còn phải thi hành), the parties and the judgment. */
export const CaseFacts = ({ view }: { view: CaseView }) => {
  const { t, tOr } = useI18n();
  const units = useUnits();
  const unitName = (id: string) => units.data?.find((u) => u.unitId === id)?.name ?? id;
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {AMOUNTS.map((a) => (
          <Col key={a} xs={12} md={6}>
            <Card size="small">
              <Statistic
                title={t(`case.amount.${a}`)}
                value={formatMoney(view.amounts[a])}
                data-testid={`amount-${a}`}
                valueStyle={{
                  fontSize: 20,
                  color: a === 'remaining' && view.amounts.remaining !== '0' ? '#a61d24' : undefined,
                }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title={t('case.parties')} style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={t('case.state')}>
            <Tag className="tag-state" data-testid="case-state">
              {tOr(`state.${view.state}`, view.stateLabel)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('case.class')}>
            {tOr(`class.${view.statisticClass}`, view.statisticClass)}
          </Descriptions.Item>
          <Descriptions.Item label={t('case.debtor')}>
            <strong>{view.debtor.name}</strong>
          </Descriptions.Item>
          <Descriptions.Item label={t('case.creditor')}>{view.creditor.name}</Descriptions.Item>
          <Descriptions.Item label={t('case.judgment')} span={2}>
            {t('case.judgmentText', {
              number: view.judgment.number,
              date: formatDate(view.judgment.date),
              court: view.judgment.court,
            })}
          </Descriptions.Item>
          <Descriptions.Item label={t('case.unit')}>{unitName(view.unitId)}</Descriptions.Item>
          <Descriptions.Item label={t('case.origin')}>{tOr(`origin.${view.origin}`, view.origin)}</Descriptions.Item>
          <Descriptions.Item label={t('case.receivedOn')}>{formatDate(view.receivedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('case.lastStepOn')}>{formatDate(view.lastStepOn)}</Descriptions.Item>
          <Descriptions.Item label={t('case.enforcer')}>{view.enforcerId ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('case.amount.reduced')}>{formatMoney(view.amounts.reduced)}</Descriptions.Item>
          {view.entrustedTo && (
            <Descriptions.Item label={t('state.entrusted')} span={2}>
              <Link to={caseLink(view.entrustedTo.caseId)} data-testid="entrusted-to">
                {t('case.entrustedTo', { unit: unitName(view.entrustedTo.unitId), caseId: view.entrustedTo.caseId })}
              </Link>
            </Descriptions.Item>
          )}
          {view.entrustedFrom && (
            <Descriptions.Item label={t('class.entrustedOut')} span={2}>
              <Link to={caseLink(view.entrustedFrom.caseId)} data-testid="entrusted-from">
                {t('case.entrustedFrom', {
                  unit: unitName(view.entrustedFrom.unitId),
                  caseId: view.entrustedFrom.caseId,
                })}
              </Link>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
    </>
  );
};
