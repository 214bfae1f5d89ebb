import { Tabs, Typography } from 'antd';
import { useMemo } from 'react';
import { useAuth } from '../../app/auth';
import { unitTree, useUnits } from '../../app/units';
import { useI18n } from '../../i18n/i18n';
import { TargetsTab } from './TargetsTab';
import { UnitsTab } from './UnitsTab';
import { UsersTab } from './UsersTab';

/**
 * /quan-tri: the administrator's page (`users.manage`): the accounts, the unit tree and, for a
 * role that reads statistics too, the targets. Each tab is shown only to a role that may use it.
 */
const AdminPage = () => {
  const { t } = useI18n();
  const { me, may } = useAuth();
  const units = useUnits();
  const tree = useMemo(() => unitTree(units.data ?? [], me!.unitId), [units.data, me]);
  const unitName = (id: string) => units.data?.find((u) => u.unitId === id)?.name ?? id;
  const tabs = [
    may('users.manage') && {
      key: 'users',
      label: t('admin.users'),
      children: <UsersTab rootId={me!.unitId} tree={tree} unitName={unitName} />,
    },
    { key: 'units', label: t('admin.units'), children: <UnitsTab units={units.data ?? []} tree={tree} /> },
    may('statistics.read') && {
      key: 'targets',
      label: t('targets.title'),
      children: <TargetsTab rootId={me!.unitId} tree={tree} />,
    },
  ].filter((tab) => !!tab);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('admin.title')}
      </Typography.Title>
      <Tabs items={tabs} />
    </>
  );
};
export default AdminPage;
