import { Typography } from 'antd';
import { useMemo } from 'react';
import { useAuth } from '../../app/auth';
import { unitTree, useUnits } from '../../app/units';
import { useI18n } from '../../i18n/i18n';
import { TargetsTab } from './TargetsTab';

/** /chi-tieu: the targets of the user's unit and those under it; statisticians set them (`targets.set`). */
const TargetsPage = () => {
  const { t } = useI18n();
  const { me } = useAuth();
  const units = useUnits();
  const tree = useMemo(() => unitTree(units.data ?? [], me!.unitId), [units.data, me]);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('targets.title')}
      </Typography.Title>
      <TargetsTab rootId={me!.unitId} tree={tree} />
    </>
  );
};
export default TargetsPage;
