import {
  AimOutlined,
  BarChartOutlined,
  BarsOutlined,
  CalendarOutlined,
  FieldTimeOutlined,
  FileAddOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { lazy, ReactNode } from 'react';
import type { MessageKey } from '../i18n/vi';
import { DeskPage } from '../pages/desk/DeskPage';
import { LoginPage } from '../pages/login/LoginPage';

/**
 * Every page of the console, in one table: adding a page is one entry here. Pages other than the
 * login and the desk (what a first visit shows) are lazy, so their code loads when first opened.
 *
 * - `path`: the URL, in Vietnamese like the office says it (a link can be sent to a colleague).
 * - `nav`: shown in the side menu under this label, when the role holds `needs`.
 * - `needs`: a right (`cases.read`) or step (`receive`) of GET /api/me; without it the page is not
 *   in the menu and opening it shows "no right" (the API refuses anyway).
 * - `public`: reachable without logging in (only the login page).
 */
export interface AppRoute {
  path: string;
  element: ReactNode;
  nav?: { label: MessageKey; icon: ReactNode };
  needs?: string;
  public?: true;
}

const ReceivePage = lazy(() => import('../pages/receive/ReceivePage'));
const CasePage = lazy(() => import('../pages/case/CasePage'));
const HistoryPage = lazy(() => import('../pages/history/HistoryPage'));
const StatsPage = lazy(() => import('../pages/stats/StatsPage'));
const DeadlinesPage = lazy(() => import('../pages/deadlines/DeadlinesPage'));
const CalendarPage = lazy(() => import('../pages/calendar/CalendarPage'));
const AdminPage = lazy(() => import('../pages/admin/AdminPage'));
const TargetsPage = lazy(() => import('../pages/admin/TargetsPage'));

export const ROUTES: AppRoute[] = [
  { path: '/dang-nhap', element: <LoginPage />, public: true },
  {
    path: '/ban-lam-viec',
    element: <DeskPage />,
    nav: { label: 'nav.desk', icon: <BarsOutlined /> },
    needs: 'cases.read',
  },
  {
    path: '/thu-ly',
    element: <ReceivePage />,
    nav: { label: 'nav.receive', icon: <FileAddOutlined /> },
    needs: 'receive',
  },
  { path: '/viec/:caseId', element: <CasePage />, needs: 'cases.read' },
  { path: '/viec/:caseId/lich-su', element: <HistoryPage />, needs: 'history.read' },
  {
    path: '/thong-ke',
    element: <StatsPage />,
    nav: { label: 'nav.stats', icon: <BarChartOutlined /> },
    needs: 'statistics.read',
  },
  {
    path: '/thoi-han',
    element: <DeadlinesPage />,
    nav: { label: 'nav.deadlines', icon: <FieldTimeOutlined /> },
    needs: 'deadlines.read',
  },
  { path: '/lich-lam-viec', element: <CalendarPage />, nav: { label: 'nav.calendar', icon: <CalendarOutlined /> } },
  {
    path: '/chi-tieu',
    element: <TargetsPage />,
    nav: { label: 'nav.targets', icon: <AimOutlined /> },
    needs: 'statistics.read',
  },
  {
    path: '/quan-tri',
    element: <AdminPage />,
    nav: { label: 'nav.admin', icon: <SettingOutlined /> },
    needs: 'users.manage',
  },
];

/** Where a logged-in user lands. */
export const HOME = '/ban-lam-viec';

/** Where a user lands who may not use the desk (a statistician, an administrator): their first page. */
export const homeFor = (may: (right: string) => boolean): string =>
  ROUTES.find((r) => r.nav && (!r.needs || may(r.needs)))?.path ?? HOME;

/** The link to a case's page, for tables and messages. */
export const caseLink = (caseId: string): string => `/viec/${encodeURIComponent(caseId)}`;
