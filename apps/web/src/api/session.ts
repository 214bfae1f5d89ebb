/**
 * The bearer token of the person logged in, kept in sessionStorage: it dies with the tab, and
 * a token is short-lived anyway (15 minutes, apps/api/src/auth/local-tokens.ts).
 */
const TOKEN_KEY = 'thads.token';

export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  start: (token: string): void => sessionStorage.setItem(TOKEN_KEY, token),
  end: (): void => sessionStorage.removeItem(TOKEN_KEY),
};

/** Where a 401 sends the user; set by the router (app/AuthProvider.tsx), so the client knows no routes. */
let onUnauthenticated: () => void = () => window.location.assign('/dang-nhap');
export const whenUnauthenticated = (handler: () => void): void => {
  onUnauthenticated = handler;
};
export const unauthenticated = (): void => onUnauthenticated();
