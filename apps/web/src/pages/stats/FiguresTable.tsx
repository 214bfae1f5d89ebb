import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useI18n } from '../../i18n/i18n';
import { FigureLink } from './FigureLink';
import { columnGroups, formatRate, keyLabel } from './figure-columns';
import type { UnitRow } from './stats-queries';

/**
 * One of the offices' two tables: a row for the unit (total), its own cases and each unit under
 * it (GET /api/statistics/units); every figure a link to its cases. `rate` has no cases of its
 * own (it is resolved / withConditions), so it is shown as text.
 */
export const FiguresTable = ({
  rows,
  measure,
  loading,
}: {
  rows: UnitRow[];
  measure: 'cases' | 'money';
  loading: boolean;
}) => {
  const { t } = useI18n();
  const nameOf = (row: UnitRow) => (row.scope === 'own' ? t('stats.row.own', { name: row.name }) : row.name);
  const cell = (key: string): ColumnsType<UnitRow>[number] => ({
    key,
    title: t(keyLabel(key)),
    align: 'right' as const,
    className: `stats-col-${key}`,
    render: (_: unknown, row: UnitRow) => {
      const value = row[measure][key];
      if (key === 'rate') return formatRate(value);
      // The `own` row lists the unit's cases without its subunits' (the drawer keeps only those).
      return (
        <FigureLink
          value={value}
          unitName={nameOf(row)}
          target={{ measure, column: key, unitId: row.unitId, ...(row.scope === 'own' && { own: true }) }}
        />
      );
    },
  });
  const columns: ColumnsType<UnitRow> = [
    {
      key: 'unit',
      title: t('stats.col.unit'),
      fixed: 'left',
      width: 200,
      render: (_, row) => <span className={row.scope === 'total' ? 'stats-total-name' : ''}>{nameOf(row)}</span>,
    },
    ...columnGroups(measure === 'money').flatMap((g): ColumnsType<UnitRow> =>
      g.title ? [{ key: g.title, title: t(g.title), children: g.keys.map(cell) }] : g.keys.map(cell),
    ),
  ];
  return (
    <section className="stats-table" data-testid={`table-${measure}`}>
      <Typography.Title level={2} className="stats-h2">
        {t(measure === 'cases' ? 'stats.table.cases' : 'stats.table.money')}
      </Typography.Title>
      <Table<UnitRow>
        size="small"
        bordered
        pagination={false}
        loading={loading}
        rowKey={(r) => `${r.scope}-${r.unitId}`}
        rowClassName={(r) => (r.scope === 'total' ? 'stats-row-total' : '')}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 'max-content' }}
      />
    </section>
  );
};
