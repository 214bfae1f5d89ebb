import { ApartmentOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout as AntLayout, Menu, Segmented, Space, Tag, Typography } from 'antd';
import { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useUnits } from './units';
import { useI18n } from '../i18n/i18n';
import { useAuth } from './auth';
import { ROUTES } from './routes';

export const LanguageSwitch = () => {
  const { language, setLanguage, t } = useI18n();
  return (
    <Segmented
      size="small"
      aria-label={t('app.language')}
      value={language}
      onChange={(v) => setLanguage(v as 'vi' | 'en')}
      options={[
        { label: 'Tiếng Việt', value: 'vi' },
        { label: 'English', value: 'en' },
      ]}
    />
  );
};

/** The frame of every page after login: the menu the role may use, and who is working, in which unit. */
export const Layout = ({ children }: { children: ReactNode }) => {
  const { t, tOr } = useI18n();
  const { me, may, logOut } = useAuth();
  const units = useUnits();
  const location = useLocation();
  const unitName = units.data?.find((u) => u.unitId === me?.unitId)?.name ?? me?.unitId;
  const items = ROUTES.filter((r) => r.nav && (!r.needs || may(r.needs))).map((r) => ({
    key: r.path,
    icon: r.nav!.icon,
    label: <Link to={r.path}>{t(r.nav!.label)}</Link>,
  }));
  const selected = items.filter((i) => location.pathname.startsWith(i.key)).map((i) => i.key);
  return (
    <AntLayout style={{ minHeight: '100vh' }}>
      <AntLayout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#7a1f1f', paddingInline: 20 }}
      >
        <Typography.Text strong style={{ color: '#fff', fontSize: 17, whiteSpace: 'nowrap' }}>
          {t('app.title')}
        </Typography.Text>
        <div style={{ flex: 1 }} />
        <Space size="middle" wrap>
          <span style={{ color: '#fff' }} data-testid="current-unit">
            <ApartmentOutlined /> {t('app.unit')}: <strong>{unitName}</strong>
          </span>
          <Tag icon={<UserOutlined />} className="tag-person" data-testid="current-role">
            {me?.name ?? me?.id} · {tOr(`role.${me?.role}`, me?.title ?? '')}
          </Tag>
          <LanguageSwitch />
          <Button size="small" icon={<LogoutOutlined />} onClick={logOut}>
            {t('app.logout')}
          </Button>
        </Space>
      </AntLayout.Header>
      <AntLayout>
        <AntLayout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={0}>
          <nav aria-label="Menu">
            <Menu mode="inline" selectedKeys={selected} items={items} style={{ borderInlineEnd: 0 }} />
          </nav>
        </AntLayout.Sider>
        <AntLayout.Content style={{ padding: 20 }}>
          <main>{children}</main>
        </AntLayout.Content>
      </AntLayout>
    </AntLayout>
  );
};
