import { LoginOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Divider, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { asProblem } from '../../api/problem';
import { useAuth } from '../../app/auth';
import { LanguageSwitch } from '../../app/Layout';
import { HOME } from '../../app/routes';
import { useI18n } from '../../i18n/i18n';
import type { components } from '../../api/schema';

type DemoUser = components['schemas']['DemoUser'];
type AuthOptions = components['schemas']['AuthOptions'];

/** /dang-nhap: local users with a password, the OIDC issuer when configured, the demo's users in development. */
export const LoginPage = () => {
  const { t, tOr } = useI18n();
  const { logIn, loggedIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const state = location.state as { from?: string; expired?: boolean } | null;
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const options = useQuery({
    queryKey: ['auth-options'],
    queryFn: async () => (await api.GET('/api/auth/options')).data as AuthOptions | undefined,
  });
  const demo = useQuery({
    queryKey: ['demo-users'],
    enabled: options.data?.demo === true,
    queryFn: async () =>
      ((await api.GET('/api/auth/demo-users')).data as { users: DemoUser[] } | undefined)?.users ?? [],
  });

  if (loggedIn) return <Navigate to={state?.from ?? HOME} replace />;

  const enter = async (call: Promise<{ data?: unknown; error?: unknown; response: Response }>) => {
    setBusy(true);
    setError(undefined);
    try {
      const { data, error: problem, response } = await call;
      if (!response.ok) {
        const p = asProblem(problem);
        setError(
          p?.code === 'auth.bad-credentials'
            ? t('login.badCredentials')
            : p?.code === 'auth.rate-limited'
              ? t('login.rateLimited')
              : (p?.detail ?? t('app.error')),
        );
        return;
      }
      await logIn((data as { token: string }).token);
      void navigate(state?.from ?? HOME, { replace: true });
    } catch {
      setError(t('problem.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f3eeee', padding: 16 }}>
      <Card style={{ width: 'min(520px, 100%)' }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
          <div>
            <Typography.Title level={1} style={{ fontSize: 24, marginBottom: 0 }}>
              {t('login.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.title')}</Typography.Text>
          </div>
          <LanguageSwitch />
        </Space>
        <Divider />
        {state?.expired && (
          <Alert type="warning" showIcon message={t('app.sessionExpired')} style={{ marginBottom: 16 }} />
        )}
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
        {options.data?.oidc && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('login.oidc')}
            description={
              <a href={options.data.oidc.issuer}>{t('login.oidcLink', { issuer: options.data.oidc.issuer })}</a>
            }
          />
        )}
        {options.data?.local !== false && (
          <Form
            layout="vertical"
            onFinish={(v: { id: string; password: string }) => enter(api.POST('/api/auth/login', { body: v }))}
            requiredMark={false}
          >
            <Form.Item name="id" label={t('login.id')} rules={[{ required: true, message: t('field.required') }]}>
              <Input autoComplete="username" prefix={<UserOutlined />} />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('field.required') }]}
            >
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<LoginOutlined />} loading={busy} block>
              {t('login.submit')}
            </Button>
          </Form>
        )}
        {demo.data && demo.data.length > 0 && (
          <>
            <Divider />
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              {t('login.demo')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('login.demoNote')}</Typography.Paragraph>
            <List
              size="small"
              bordered
              dataSource={demo.data}
              renderItem={(u) => (
                <List.Item
                  actions={[
                    <Button
                      key="go"
                      size="small"
                      data-testid={`demo-${u.id}`}
                      disabled={busy}
                      aria-label={`${t('login.demoAs')} ${u.name}`}
                      onClick={() => enter(api.POST('/api/auth/demo-login', { body: { id: u.id } }))}
                    >
                      {t('login.demoAs')}
                    </Button>,
                  ]}
                >
                  <List.Item.Meta
                    title={u.name}
                    description={
                      <>
                        <Tag>{tOr(`role.${u.role}`, u.role)}</Tag>
                        {u.unitName}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          </>
        )}
      </Card>
    </main>
  );
};
