import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { api, unwrapAs } from '../api/client';
import { session, whenUnauthenticated } from '../api/session';
import { Spin } from 'antd';

/** GET /api/me: who is logged in and what the role may do (libs/application/src/access/rights.ts). */
export interface Me {
  id: string;
  name?: string;
  role: string;
  unitId: string;
  authenticatedBy: string;
  national: boolean;
  title: string;
  steps: { step: string; basis: string }[];
  rights: { right: string; basis: string }[];
}

interface Auth {
  me?: Me;
  loggedIn: boolean;
  logIn(token: string): Promise<void>;
  logOut(): void;
  /** A right (`cases.read`, …) or a step (`receive`, …) the role holds. */
  may(rightOrStep: string): boolean;
}

const AuthContext = createContext<Auth | undefined>(undefined);
export const ME_KEY = ['me'] as const;

export const AuthProvider = ({ children }: { children: ReactNode }) => {
  const queries = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const token = session.token();
  const me = useQuery({
    queryKey: ME_KEY,
    queryFn: () => unwrapAs<Me>(api.GET('/api/me')),
    enabled: token !== null,
    staleTime: 5 * 60_000,
  });
  useEffect(() => {
    whenUnauthenticated(() => {
      queries.clear();
      void navigate('/dang-nhap', {
        replace: true,
        state: { from: location.pathname + location.search, expired: true },
      });
    });
  }, [queries, navigate, location]);
  const logIn = useCallback(
    async (next: string) => {
      session.start(next);
      queries.clear();
      await queries.fetchQuery({ queryKey: ME_KEY, queryFn: () => unwrapAs<Me>(api.GET('/api/me')) });
    },
    [queries],
  );
  const logOut = useCallback(() => {
    session.end();
    queries.clear();
    void navigate('/dang-nhap', { replace: true });
  }, [queries, navigate]);
  const value = useMemo<Auth>(
    () => ({
      me: me.data,
      loggedIn: token !== null && me.data !== undefined,
      logIn,
      logOut,
      may: (what) =>
        !!me.data && (me.data.rights.some((r) => r.right === what) || me.data.steps.some((s) => s.step === what)),
    }),
    [me.data, token, logIn, logOut],
  );
  if (token !== null && me.isPending) return <Spin fullscreen />;
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
};

export const useAuth = (): Auth => {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
};

/** A page for people logged in: others go to the login page, and come back after it. */
export const RequireLogin = ({ children }: { children: ReactNode }) => {
  const { loggedIn } = useAuth();
  const location = useLocation();
  if (!loggedIn) return <Navigate to="/dang-nhap" replace state={{ from: location.pathname + location.search }} />;
  return children;
};
