import { OtherRight, Role } from '@thads/application';

/**
 * What each route needs, keyed by the Express route path the request matched (so a case id in
 * the URL can never be mistaken for a route). Routes are listed by pattern, so a module that adds
 * `/api/statistics/...` or `/api/deadlines/...` is covered by the same rule; a route matched by
 * no rule is refused to everyone but the system (fail closed) and logged.
 */
export type RouteRule =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  /** The write path judges the step on the folded case; the guard refuses roles with no step at all. */
  | { kind: 'steps'; step?: 'receive' }
  /** A right over the units named by `unitId` (query, route or body). */
  | { kind: 'units'; right: OtherRight }
  /** A right over the unit of the case named by the route's first parameter. */
  | { kind: 'case'; right: OtherRight }
  /** Registering a unit: the right over its parent (or over itself, for the root). */
  | { kind: 'new-unit'; right: OtherRight }
  /** The whole log, no unit's part of it: these roles only (and the system). */
  | { kind: 'roles'; roles: ReadonlyArray<Role> }
  /** A right held, whatever the unit: the operator's view of the running system. */
  | { kind: 'right'; right: OtherRight };

const CASE = String.raw`/api/cases/:[^/]+`;

export const ROUTE_RULES: ReadonlyArray<{ methods: RegExp; path: RegExp; rule: RouteRule }> = [
  // The log position, store kinds and projector state tell an outsider what runs where: only the
  // operator (users.manage: the administrator) sees them; the public answer is up or not.
  { methods: /^GET$/, path: /^\/api\/health\/details$/, rule: { kind: 'right', right: 'users.manage' } },
  { methods: /^GET$/, path: /^\/api\/health$/, rule: { kind: 'public' } },
  { methods: /^POST$/, path: /^\/api\/auth\/login$/, rule: { kind: 'public' } },
  // What the login page offers, and the demo login (404 unless development with demo data: demo-login.ts).
  { methods: /^GET$/, path: /^\/api\/auth\/(options|demo-users)$/, rule: { kind: 'public' } },
  { methods: /^POST$/, path: /^\/api\/auth\/demo-login$/, rule: { kind: 'public' } },
  // The lifecycle drawn from the machine and the working-day calendar document the law, like /api/docs.
  // So are the steps and the fields their forms need (GET /api/steps: labels, legal basis, reason codes).
  { methods: /^GET$/, path: /^\/api\/(lifecycle(\.mmd)?|calendar(\/:year)?|steps)$/, rule: { kind: 'public' } },
  { methods: /^GET$/, path: /^\/api\/me$/, rule: { kind: 'authenticated' } },
  { methods: /^GET$/, path: /^\/api\/units$/, rule: { kind: 'authenticated' } },
  // Reorganising units (merge, split, rename, close) is the administrator's (docs/reorganisation.md).
  { methods: /^POST$/, path: /^\/api\/units\/reorganisations$/, rule: { kind: 'roles', roles: ['admin'] } },
  { methods: /^GET$/, path: /^\/api\/units\/:[^/]+$/, rule: { kind: 'authenticated' } },
  { methods: /^POST$/, path: /^\/api\/units$/, rule: { kind: 'new-unit', right: 'units.register' } },
  { methods: /^POST$/, path: /^\/api\/cases$/, rule: { kind: 'steps', step: 'receive' } },
  { methods: /^POST$/, path: new RegExp(`^${CASE}/steps$`), rule: { kind: 'steps' } },
  { methods: /^GET$/, path: /^\/api\/cases$/, rule: { kind: 'units', right: 'cases.read' } },
  { methods: /^GET$/, path: new RegExp(`^${CASE}/verify$`), rule: { kind: 'case', right: 'history.verify' } },
  {
    methods: /^GET$/,
    path: new RegExp(`^${CASE}/history(\\.[a-z]+)?$`),
    rule: { kind: 'case', right: 'history.read' },
  },
  { methods: /^GET$/, path: new RegExp(`^${CASE}$`), rule: { kind: 'case', right: 'cases.read' } },
  // Targets (chỉ tiêu) of a unit: /api/units/{unitId}/targets/{year}.
  {
    methods: /^(POST|PUT)$/,
    path: /^\/api\/units\/:[^/]+\/targets(\/|$)/,
    rule: { kind: 'units', right: 'targets.set' },
  },
  { methods: /^GET$/, path: /^\/api\/units\/:[^/]+\/targets(\/|$)/, rule: { kind: 'units', right: 'statistics.read' } },
  // How the report counts, with its sources: documentation, not data.
  { methods: /^GET$/, path: /^\/api\/statistics\/policies$/, rule: { kind: 'authenticated' } },
  { methods: /^GET$/, path: /^\/api\/statistics(\/|$)/, rule: { kind: 'units', right: 'statistics.read' } },
  // The watch lists leadership follows (docs/watchlists.md): statistics of the unit's cases, case by case.
  { methods: /^GET$/, path: /^\/api\/watchlists(\/|$)/, rule: { kind: 'units', right: 'statistics.read' } },
  // Report forms (issue 25, docs/reports.md): the catalogue is the law as data; a submission is
  // judged in its handler on the unit its id names; submitting needs reports.submit over the body's unit.
  { methods: /^GET$/, path: /^\/api\/reports$/, rule: { kind: 'authenticated' } },
  { methods: /^GET$/, path: /^\/api\/reports\/submissions\/:[^/]+(\/changes)?$/, rule: { kind: 'authenticated' } },
  {
    methods: /^POST$/,
    path: /^\/api\/reports\/:[^/]+\/submissions$/,
    rule: { kind: 'units', right: 'reports.submit' },
  },
  { methods: /^GET$/, path: /^\/api\/reports\//, rule: { kind: 'units', right: 'statistics.read' } },
  // The deadline rules of every regime: the law as data, like the statistics policies.
  { methods: /^GET$/, path: /^\/api\/deadlines\/rules$/, rule: { kind: 'authenticated' } },
  // The inspection board, its chart and its CSV export (/api/deadlines.csv).
  { methods: /^GET$/, path: /^\/api\/deadlines(\.csv)?(\/|$)/, rule: { kind: 'units', right: 'deadlines.read' } },
  // Local accounts (the /quan-tri page): the right here; the unit of each account is judged by
  // UserAdministration (the user's unit before and after a move, never oneself).
  { methods: /^(GET|POST|PATCH)$/, path: /^\/api\/users(\/|$)/, rule: { kind: 'right', right: 'users.manage' } },
  // The log's anchors sign the whole log: its keeper (admin) and its auditors (docs/integrity.md).
  {
    methods: /^(GET|POST)$/,
    path: /^\/api\/integrity\/anchors$/,
    rule: { kind: 'roles', roles: ['admin', 'auditor'] },
  },
  // Checking the whole log's chains: a unit may be named; without one, only a national auditor.
  { methods: /^GET$/, path: /^\/api\/(verify|integrity)(\/|$)/, rule: { kind: 'units', right: 'history.verify' } },
];

export const ruleFor = (method: string, routePath: string): RouteRule | undefined =>
  ROUTE_RULES.find((r) => r.methods.test(method) && r.path.test(routePath))?.rule;
