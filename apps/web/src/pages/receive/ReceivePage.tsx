import { Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';

/** /thu-ly: receiving a judgment or request (being built). */
const ReceivePage = () => {
  const { t } = useI18n();
  return <Typography.Title level={1} style={{ fontSize: 22 }}>{t('receive.title')}</Typography.Title>;
};
export default ReceivePage;
