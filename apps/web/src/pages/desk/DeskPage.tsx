import { Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';

/** /ban-lam-viec: the enforcer's desk (being built). */
export const DeskPage = () => {
  const { t } = useI18n();
  return <Typography.Title level={1} style={{ fontSize: 22 }}>{t('desk.title')}</Typography.Title>;
};
