import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { Suspense } from 'react';
import { BrowserRouter, Link, Navigate, Route, Routes } from 'react-router';
import { ApiError } from '../api/client';
import { I18nProvider, useI18n } from '../i18n/i18n';
import { AuthProvider, RequireLogin, useAuth } from './auth';
import { Layout } from './Layout';
import { HOME, homeFor, ROUTES } from './routes';

const queries = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal (4xx) will not change by asking again; a network hiccup may.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

/**
 * The office's red, and text colours darker than antd's defaults: its grey secondary text, blue
 * links and light red errors fall below WCAG AA's 4.5:1 contrast on white (axe-core's
 * color-contrast rule, checked on every page by test/browser/).
 */
const THEME = {
  token: {
    colorPrimary: '#a61d24',
    colorLink: '#8f1a20',
    colorError: '#b3261e',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.64)',
    colorTextDescription: 'rgba(0, 0, 0, 0.64)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    borderRadius: 4,
  },
};

const NotAllowed = () => {
  const { t } = useI18n();
  return <Result status="403" title={t('problem.forbidden')} extra={<Link to={HOME}>{t('app.backToDesk')}</Link>} />;
};

const NotFound = () => {
  const { t } = useI18n();
  return <Result status="404" title={t('app.notFound')} extra={<Link to={HOME}>{t('app.backToDesk')}</Link>} />;
};

const Pages = () => {
  const { may, loggedIn } = useAuth();
  return (
    <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
      <Routes>
        {ROUTES.map((r) => (
          <Route
            key={r.path}
            path={r.path}
            element={
              r.public ? (
                r.element
              ) : (
                <RequireLogin>
                  <Layout>
                    {!r.needs || may(r.needs) ? (
                      r.element
                    ) : r.path === HOME ? (
                      <Navigate to={homeFor(may)} replace />
                    ) : (
                      <NotAllowed />
                    )}
                  </Layout>
                </RequireLogin>
              )
            }
          />
        ))}
        <Route path="/" element={<Navigate to={loggedIn ? HOME : '/dang-nhap'} replace />} />
        <Route
          path="*"
          element={
            <RequireLogin>
              <Layout>
                <NotFound />
              </Layout>
            </RequireLogin>
          }
        />
      </Routes>
    </Suspense>
  );
};

const Themed = () => {
  const { language } = useI18n();
  dayjs.locale(language === 'vi' ? 'vi' : 'en');
  return (
    <ConfigProvider locale={language === 'vi' ? viVN : enUS} theme={THEME}>
      <AntApp>
        <BrowserRouter>
          <AuthProvider>
            <Pages />
          </AuthProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
};

export const App = () => (
  <QueryClientProvider client={queries}>
    <I18nProvider>
      <Themed />
    </I18nProvider>
  </QueryClientProvider>
);
