import { Alert, Drawer, Skeleton, Table, Typography } from 'antd';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { caseLink } from '../../app/routes';
import { useUnits } from '../../app/units';
import { formatDate } from '../../format/date';
import { formatMoney } from '../../format/money';
import { useI18n } from '../../i18n/i18n';
import { parseDrill } from './drill-target';
import { keyLabel } from './figure-columns';
import { DrillItem, Period, useDrillDown } from './stats-queries';

/**
 * The cases behind one figure (GET /api/statistics/cases): as many rows as the figure counts (a
 * case that entered the caseload twice is listed twice), with its share of a money figure, each a
 * link to the case's file. Closing it takes `xem` off the URL.
 */
export const DrillDrawer = ({ period }: { period: Omit<Period, 'unitId'> }) => {
  const { t } = useI18n();
  const mayOpenCases = useAuth().may('cases.read');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const units = useUnits();
  const target = parseDrill(params);
  const drill = useDrillDown(
    {
      unitId: target?.unitId ?? '',
      from: target?.from ?? period.from,
      to: target?.to ?? period.to,
      asKnownAt: period.asKnownAt,
      column: target?.column ?? '',
      money: target?.measure === 'money',
    },
    !!target,
  );
  const close = () => {
    const next = new URLSearchParams(params);
    for (const name of ['xem', 'xemTu', 'xemDen', 'xemRieng']) next.delete(name);
    void navigate(`${location.pathname}?${next}`);
  };
  const unitName = (unitId: string) => units.data?.find((u) => u.unitId === unitId)?.name ?? unitId;
  // A unit's own cases: the unit's list without those of its subunits.
  const items = (drill.data?.items ?? []).filter((i) => !target?.own || i.unitId === target.unitId);
  const count = target?.own ? items.length : (drill.data?.count ?? 0);
  const amount = target?.own ? items.reduce((sum, i) => sum + BigInt(i.amount), 0n).toString() : drill.data?.amount;
  const money = target?.measure === 'money';
  const unitTitle = target
    ? target.own
      ? t('stats.row.own', { name: unitName(target.unitId) })
      : unitName(target.unitId)
    : '';

  return (
    <Drawer
      open={!!target}
      onClose={close}
      width={720}
      destroyOnHidden
      data-testid="drill-drawer"
      title={
        target
          ? `${t('stats.drill.title', { column: t(keyLabel(target.column)), unit: unitTitle })} · ${t(money ? 'stats.drill.money' : 'stats.drill.cases')}`
          : ''
      }
    >
      {drill.isPending && <Skeleton active />}
      {drill.isError && <Alert type="error" showIcon message={t('app.error')} />}
      {drill.data && (
        <>
          <Typography.Paragraph data-testid="drill-summary" data-count={count}>
            {t('stats.drill.period', {
              from: formatDate(target?.from ?? period.from),
              to: formatDate(target?.to ?? period.to),
            })}
            {' · '}
            <strong>{t('stats.drill.count', { count })}</strong>
            {money && amount !== undefined && <> · {t('stats.drill.amount', { amount: formatMoney(amount) })}</>}
          </Typography.Paragraph>
          {drill.data.items.length < drill.data.count && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 8 }}
              message={t('stats.drill.partial', { shown: drill.data.items.length, count: drill.data.count })}
            />
          )}
          <Table<DrillItem>
            size="small"
            dataSource={items}
            rowKey={(_, i) => String(i)}
            pagination={{ pageSize: 200, hideOnSinglePage: true, showSizeChanger: false }}
            onRow={() => ({ 'data-testid': 'drill-row' }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              {
                key: 'case',
                title: t('stats.drill.col.case'),
                // A link only for a role that may open the case's file (a statistician reads figures, not files).
                render: (_, i) => (mayOpenCases ? <Link to={caseLink(i.caseId)}>{i.caseId}</Link> : i.caseId),
              },
              { key: 'unit', title: t('stats.drill.col.unit'), render: (_, i) => unitName(i.unitId) },
              { key: 'on', title: t('stats.drill.col.on'), render: (_, i) => formatDate(i.on) },
              ...(money
                ? [
                    {
                      key: 'amount',
                      title: t('stats.drill.col.amount'),
                      align: 'right' as const,
                      render: (_: unknown, i: DrillItem) => formatMoney(i.amount),
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
    </Drawer>
  );
};
