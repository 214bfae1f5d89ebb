import { AddressInfo } from 'node:net';
import { PERSON_ROLES, PersonRole } from '@thads/application';
import { EventStore } from '@thads/event-store';
import { Harness, newCase, startApp, UNITS } from './app-harness';
import { AuthSession, PASSWORD } from './auth-harness';

/**
 * A bounded, seeded fuzz of every route the app mounts (issue 19): randomized and hostile
 * requests — wrong types, huge and odd numbers, deep nesting, long and unicode strings, missing
 * and extra fields, odd content types, each role's token — sent one at a time to the real app
 * on a fresh data directory. It counts 5xx answers and, for every refused (4xx) request, any
 * event appended meanwhile (the log head before and after).
 */
export interface FuzzReport {
  seed: number;
  routes: number;
  /** Requests of the systematic pass (every route × each odd value); the rest are random. */
  systematic: number;
  sent: number;
  byStatus: Record<string, number>;
  serverErrors: number;
  serverErrorExamples: FuzzExample[];
  rejectedThatAppended: number;
  rejectedThatAppendedExamples: FuzzExample[];
  /** The projector followed the log to its head once the run was over (a poison event would stop it). */
  projectorAtHead: boolean;
}

export interface FuzzExample {
  method: string;
  url: string;
  contentType?: string;
  body?: string;
  status: number;
  answer: string;
}

interface Route {
  method: string;
  path: string;
  query: string[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** mulberry32: small, seeded, good enough to pick. */
const prng = (seed: number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const HOSTILE_TEXT = [
  '',
  ' ',
  '0',
  '-1',
  '1',
  '50',
  '1e20',
  '-1e20',
  'NaN',
  'Infinity',
  '1.5',
  '0x10',
  '99999999999999999999999',
  ' 5',
  '5 ',
  '+5',
  '-0',
  '2025-01-01',
  '2025-02-31',
  '2025-13-01',
  '0000-00-00',
  '9999-12-31',
  '2025-06-01T09:00:00+07:00',
  '2025-02-31T00:00:00Z',
  '2025-01-01T25:00:00Z',
  'vn',
  'kg',
  'kg-pq',
  'kg-ab',
  'nowhere',
  'true',
  'false',
  'null',
  'undefined',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'toString',
  "' OR 1=1 --",
  '"; DROP TABLE events; --',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '<script>alert(1)</script>',
  'Thi hành án dân sự 🧾',
  '\u202e\u200b',
  'a'.repeat(101),
  'x'.repeat(5000),
  '9'.repeat(40),
  'newlyAccepted',
  'reduced',
  'open',
  'overdue',
  'csv',
  'json',
];

/** Numbers as a query or path carries them: what broke SQLite (1e20) and what JavaScript's Number() lets through. */
const HOSTILE_NUMBERS = [
  '1e20',
  '-1',
  '1.5',
  'NaN',
  'Infinity',
  '0x10',
  '1e3',
  '',
  ' 1',
  '99999999999999999999',
  '9007199254740993',
  '-0',
  '00',
  '1_000',
];
const NUMERIC = new Set(['limit', 'offset', 'year', 'minPosition', 'asKnownAt']);

const deep = (levels: number): Json => (levels === 0 ? 1 : [deep(levels - 1)]);

const HOSTILE_JSON: Json[] = [
  null,
  true,
  false,
  0,
  -1,
  1,
  1.5,
  -0,
  1e20,
  -1e20,
  1e308,
  2 ** 53 + 1,
  '',
  ' ',
  '1e20',
  'NaN',
  '-5',
  '012',
  '2025-02-31',
  '9'.repeat(30),
  '9'.repeat(21),
  '9'.repeat(19),
  'x'.repeat(3000),
  'Thi hành án 🧾\u0000',
  [],
  {},
  [1, 2],
  { a: { b: { c: 1 } } },
  JSON.parse('{"__proto__":{"polluted":true}}') as Json,
  deep(10),
  deep(31),
  'kg-pq',
  'vn',
  'chv-07',
  'withConditions',
  'sold',
  'verify',
  '2025-02-01',
];

/** One field at a time, in the systematic pass. */
// 21 digits of đồng once passed validation and overflowed the read models' 64-bit integers.
const ODD_FIELDS: Json[] = [
  null,
  1e20,
  -1,
  1.5,
  '',
  'x'.repeat(3000),
  [],
  {},
  deep(31),
  '2025-02-31',
  '9'.repeat(30),
  '9'.repeat(21),
  '9'.repeat(19),
];

const STEP_BODIES: Array<Record<string, Json>> = [
  { step: 'decide', on: '2025-02-03' },
  { step: 'assign', on: '2025-02-03', enforcerId: 'chv-07' },
  { step: 'verify', on: '2025-02-25', note: 'Xác minh' },
  { step: 'classify', on: '2025-02-27', class: 'withConditions' },
  { step: 'classify', on: '2025-02-27', class: 'withoutConditions', ground: 'noAssets' },
  { step: 'seize', on: '2025-03-10', assetKind: 'immovable', description: 'Nhà số 5' },
  { step: 'value', on: '2025-03-14', price: '1500000000', assetKind: 'immovable' },
  { step: 'auction', on: '2025-04-20', result: 'sold', price: '500000000' },
  { step: 'collect', on: '2025-05-15', amount: '500000000' },
  { step: 'disburse', on: '2025-05-20', amount: '500000000' },
  { step: 'reduce', on: '2025-05-20', amount: '5000000' },
  { step: 'complete', on: '2025-05-21' },
  { step: 'postpone', on: '2025-02-05', reason: 'illness', groundOn: '2025-02-03' },
  { step: 'suspend', on: '2025-02-05', reason: 'protest' },
  { step: 'resume', on: '2025-02-06', groundOn: '2025-02-05' },
  { step: 'entrust', on: '2025-02-04', toUnitId: 'kg-ab', groundOn: '2025-02-04' },
  { step: 'terminate', on: '2025-02-04', reason: 'creditorWaiver', groundOn: '2025-02-01' },
  { step: 'verify', on: '2025-02-25', expectedRevision: 0 },
];

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/vnd.api+json',
  'application/xml',
  '*/*',
];

const RAW_BODIES = [
  '',
  ' ',
  '{',
  '{"step":',
  '[1,2',
  'null',
  '"text"',
  '42',
  '{"a":1}{"b":2}',
  '{"a":1,}',
  "{'a':1}",
  '\u0000',
  '{"a":"\\ud800"}',
  'NaN',
  `{"step":"verify","on":"2025-02-25","data":${'['.repeat(3000)}${']'.repeat(3000)}}`,
  '['.repeat(3000) + ']'.repeat(3000),
  '['.repeat(120_000) + ']'.repeat(120_000),
  `{"id":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}`,
  `{"note":"${'x'.repeat(300_000)}"}`,
];

const ID_HEADERS = ['k-1', '', ' ', 'x'.repeat(1000), '6f1c1a52-4a8e-4c1e-9d0f-2b7f3d5e8a10', '../', 'a b', '\t'];

/** What the fuzz needs of the running app. */
interface Target {
  base: string;
  store: EventStore;
  tokens: Array<string | undefined>;
  /** Tokens that hold most rights (the district's head, the national admin): more requests get past the guard. */
  strong: string[];
  caseIds: string[];
}

export const runFuzz = async (options: {
  requests: number;
  seed?: number;
  onProgress?: (sent: number) => void;
}): Promise<FuzzReport> => {
  const seed = options.seed ?? 19;
  const random = prng(seed);
  const pick = <T>(items: ReadonlyArray<T>): T => items[Math.floor(random() * items.length)];
  const chance = (p: number) => random() < p;
  const h = await startApp({ env: { THADS_DEV_ACTOR: '0' } });
  try {
    const target = await prepare(h);
    const routes = await routesOf(h, target.base);
    const report: FuzzReport = {
      seed,
      routes: routes.length,
      systematic: 0,
      sent: 0,
      byStatus: {},
      serverErrors: 0,
      serverErrorExamples: [],
      rejectedThatAppended: 0,
      rejectedThatAppendedExamples: [],
      projectorAtHead: false,
    };
    const account = async (request: FuzzRequest) => {
      const before = await target.store.headPosition();
      const { status, answer } = await send(target.base, request);
      const after = await target.store.headPosition();
      report.sent++;
      report.byStatus[status] = (report.byStatus[status] ?? 0) + 1;
      const example = {
        method: request.method,
        url: request.url,
        contentType: request.contentType,
        body: request.body?.slice(0, 300),
        status,
        answer: answer.slice(0, 400),
      };
      if (status >= 500) {
        report.serverErrors++;
        if (report.serverErrorExamples.length < 20) report.serverErrorExamples.push(example);
      }
      if (status >= 400 && before !== after) {
        report.rejectedThatAppended++;
        if (report.rejectedThatAppendedExamples.length < 20) report.rejectedThatAppendedExamples.push(example);
      }
      if (options.onProgress && report.sent % 1000 === 0) options.onProgress(report.sent);
      return status;
    };
    // First, systematically: every route, with a token its guard lets through, gets each odd
    // number in each query parameter and each hostile body. Then random requests fill the budget.
    const planned = await systematic(routes, target, account);
    report.systematic = planned.length;
    for (const request of planned) {
      if (report.sent >= options.requests) break;
      await account(request);
    }
    while (report.sent < options.requests) await account(build(pick(routes), target, { pick, chance, random }));
    report.projectorAtHead = await projectorCatchesUp(target.base, target.strong[1]);
    return report;
  } finally {
    await h.close();
  }
};

/** Units, one user per role (and a head of another unit), a few cases to act on. */
const prepare = async (h: Harness): Promise<Target> => {
  await h.app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(h.app.getHttpServer().address() as AddressInfo).port}`;
  const session = new AuthSession(h);
  await session.add({ id: 'admin-vn', role: 'admin', unitId: 'vn' });
  for (const unit of UNITS) ok(await session.post('admin-vn', '/api/units', unit), 201);
  const users = PERSON_ROLES.map((role: PersonRole) => ({ id: `${role}-kg-pq`, role, unitId: 'kg-pq' }));
  await session.add(
    ...users,
    { id: 'head-kg-ab', role: 'head', unitId: 'kg-ab' },
    { id: 'inspector-vn', role: 'inspector', unitId: 'vn' },
  );
  const caseIds: string[] = [];
  for (const [head, unitId] of [
    ['head-kg-pq', 'kg-pq'],
    ['head-kg-pq', 'kg-pq'],
    ['head-kg-pq', 'kg-pq'],
    ['head-kg-ab', 'kg-ab'],
  ]) {
    caseIds.push(ok(await session.post(head, '/api/cases', newCase({ unitId })), 201).body.caseId);
  }
  const tokens = [undefined, 'not-a-token', 'a.b.c'];
  for (const id of ['admin-vn', 'head-kg-ab', 'inspector-vn', ...users.map((u) => u.id)])
    tokens.push(await session.token(id));
  const strong = await Promise.all(
    ['head-kg-pq', 'admin-vn', 'inspector-vn', 'auditor-kg-pq'].map((id) => session.token(id)),
  );
  return { base, store: h.app.get(EventStore), tokens, strong, caseIds };
};

const ok = <T extends { status: number; body: unknown }>(res: T, status: number): T => {
  if (res.status !== status)
    throw new Error(`fuzz setup: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res;
};

/** Every route the Express router holds, with the query parameters the OpenAPI description names. */
const routesOf = async (h: Harness, base: string): Promise<Route[]> => {
  const doc = (await (await fetch(`${base}/api/docs-json`)).json()) as {
    paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>;
  };
  const express = h.app.getHttpAdapter().getInstance();
  const layers = (express.router ?? express._router).stack as Array<{
    route?: { path: string; methods: Record<string, boolean> };
  }>;
  const mounted = layers
    .flatMap((layer) =>
      layer.route
        ? Object.keys(layer.route.methods).map((m) => ({ method: m.toUpperCase(), path: layer.route!.path }))
        : [],
    )
    .filter((r) => !r.path.startsWith('/api/docs') && r.method !== '_ALL');
  return mounted.map(({ method, path }) => {
    const openApiPath = path.replace(/:(\w+)/g, '{$1}');
    const params = doc.paths[openApiPath]?.[method.toLowerCase()]?.parameters ?? [];
    const described = params.filter((p) => p.in === 'query').map((p) => p.name);
    // A description can miss parameters a handler reads from the whole query object: a read
    // that takes any query parameter is also tried with the usual ones.
    const usual = method === 'GET' && described.length ? ['unitId', 'from', 'to', 'limit', 'offset'] : [];
    return { method, path, query: [...new Set([...described, ...usual, 'minPosition'])] };
  });
};

/** A baseline request per route that a strong token gets past the guard with, then one hostile change at a time. */
const systematic = async (
  routes: Route[],
  target: Target,
  account: (r: FuzzRequest) => Promise<number>,
): Promise<FuzzRequest[]> => {
  const first = <T>(items: ReadonlyArray<T>): T => items[0];
  const baseline: Dice = { pick: first, chance: () => false, random: () => 0.99 };
  const [queries, bodies, fields]: FuzzRequest[][] = [[], [], []];
  for (const route of routes) {
    const valid = (name: string) =>
      NUMERIC.has(name) && name !== 'year' ? (name === 'limit' ? '10' : '0') : queryValueValid(name);
    const path = route.path.replace(/:(\w+)/g, (_, name: string) =>
      encodeURIComponent(pathValue(name, target, { ...baseline, chance: () => true })),
    );
    const query = (change?: [string, string, boolean?]) => {
      const q = new URLSearchParams();
      for (const name of route.query)
        if (name !== 'minPosition' && name !== 'asKnownAt')
          q.append(name, change?.[0] === name && !change[2] ? change[1] : valid(name));
      if (
        change &&
        (change[2] || !route.query.includes(change[0]) || change[0] === 'minPosition' || change[0] === 'asKnownAt')
      )
        q.append(change[0], change[1]);
      return q.size ? `?${q}` : '';
    };
    const body =
      route.method === 'POST' || route.method === 'PUT'
        ? { contentType: 'application/json', body: JSON.stringify(templateFor(route.path, target, baseline)) }
        : {};
    let token: string | undefined;
    for (const candidate of target.strong) {
      const status = await account({
        method: route.method,
        url: `${path}${query()}`,
        headers: { authorization: `Bearer ${candidate}` },
        ...body,
      });
      if (status !== 401 && status !== 403) {
        token = candidate;
        break;
      }
    }
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const at = (url: string, more: Partial<FuzzRequest> = body) => ({
      method: route.method,
      url: `${path}${url}`,
      headers,
      ...more,
    });
    for (const name of route.query) {
      const values =
        NUMERIC.has(name) && name !== 'minPosition'
          ? [...HOSTILE_NUMBERS, '2025-02-31']
          : ['1e20', '-1', '2025-02-31', 'a'.repeat(101), 'Thi hành án 🧾', '__proto__'];
      for (const value of values) queries.push(at(query([name, value])));
      queries.push(at(query([name, valid(name), true])));
    }
    if (route.method === 'POST' || route.method === 'PUT') {
      for (const raw of RAW_BODIES) bodies.push(at(query(), { contentType: 'application/json', body: raw }));
      const template = templateFor(route.path, target, baseline);
      for (const key of Object.keys(template)) {
        for (const value of ODD_FIELDS)
          fields.push(
            at(query(), { contentType: 'application/json', body: JSON.stringify({ ...template, [key]: value }) }),
          );
      }
    }
  }
  // Queries and bodies first: a small budget still tries each route's parameters.
  const requests = [...queries, ...bodies, ...fields];
  return requests;
};

const queryValueValid = (name: string): string =>
  queryValue(name, { pick: (items) => items[0], chance: () => true, random: () => 0 });

interface Dice {
  pick: <T>(items: ReadonlyArray<T>) => T;
  chance: (p: number) => boolean;
  random: () => number;
}

interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  contentType?: string;
  body?: string;
}

const build = (route: Route, target: Target, dice: Dice): FuzzRequest => {
  const { pick, chance } = dice;
  const method = chance(0.03) ? pick(['DELETE', 'PATCH', 'OPTIONS', 'HEAD']) : route.method;
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(pathValue(name, target, dice)));
  const query = new URLSearchParams();
  for (const name of route.query) {
    if (chance(0.4)) continue;
    query.append(name, queryValue(name, dice));
    if (chance(0.05)) query.append(name, queryValue(name, dice));
  }
  if (chance(0.05)) query.append(pick(['unknown', 'unitId[]', 'offset', '__proto__']), pick(HOSTILE_TEXT));
  const headers: Record<string, string> = {};
  const token = chance(0.5) ? pick(target.strong) : pick(target.tokens);
  if (token) headers.authorization = chance(0.03) ? `Basic ${token}` : `Bearer ${token}`;
  if (chance(0.2)) headers['idempotency-key'] = pick(ID_HEADERS);
  if (chance(0.05)) headers['x-correlation-id'] = pick(ID_HEADERS);
  if (chance(0.03)) headers['x-actor-role'] = 'system';
  const request: FuzzRequest = { method, url: `${path}${query.size ? `?${query}` : ''}`, headers };
  if (method === 'POST' || method === 'PUT' || method === 'PATCH')
    Object.assign(request, bodyFor(route.path, target, dice));
  return request;
};

const pathValue = (name: string, target: Target, { pick, chance }: Dice): string => {
  if (name === 'caseId') return chance(0.7) ? pick(target.caseIds) : pick(HOSTILE_TEXT) || 'x';
  if (name === 'unitId') return chance(0.6) ? pick(['vn', 'kg', 'kg-pq', 'kg-ab']) : pick(HOSTILE_TEXT) || 'x';
  if (name === 'year')
    return chance(0.6) ? pick(['2021', '2025', '2026']) : pick(chance(0.5) ? HOSTILE_NUMBERS : HOSTILE_TEXT) || 'x';
  return pick(HOSTILE_TEXT) || 'x';
};

const queryValue = (name: string, { pick, chance }: Dice): string => {
  if (NUMERIC.has(name) && chance(0.3)) return pick(HOSTILE_NUMBERS);
  if (!chance(0.5)) return pick(HOSTILE_TEXT);
  switch (name) {
    case 'unitId':
      return pick(['vn', 'kg', 'kg-pq', 'kg-ab']);
    case 'from':
      return pick(['2024-10-01', '2025-01-01']);
    case 'to':
      return pick(['2025-09-30', '2025-12-31']);
    case 'asOf':
      return pick(['2025-03-01', '2026-11-22']);
    case 'asKnownAt':
      return pick(['2025-06-01T09:00:00+07:00', '2026-11-22', '1', '5']);
    case 'limit':
      return pick(['1', '10', '500', '10000']);
    case 'offset':
      return pick(['0', '1', '100']);
    case 'column':
      return pick(['newlyAccepted', 'total', 'completed', 'reduced']);
    case 'money':
      return pick(['true', 'false']);
    // A position far ahead would hold the request for the read-your-writes wait: keep it near.
    case 'minPosition':
      return pick(['0', '1', '3']);
    default:
      return pick(HOSTILE_TEXT);
  }
};

const templateFor = (path: string, target: Target, { pick }: Dice): Record<string, Json> => {
  if (path === '/api/auth/login')
    return { id: pick(['admin-vn', 'head-kg-pq', 'nobody']), password: pick([PASSWORD, 'wrong']) };
  if (path === '/api/units')
    return { ...pick(UNITS), unitId: pick(['kg-new', 'vn', 'kg-pq', 'x-1']) } as Record<string, Json>;
  if (path === '/api/cases') return newCase({ unitId: pick(['kg-pq', 'kg-ab', 'vn']) }) as Record<string, Json>;
  if (path.endsWith('/steps')) return { ...pick(STEP_BODIES) };
  if (path.includes('/targets/'))
    return { cases: '80.00', money: '40.50', periods: { 4: { cases: '27.17', money: '13.37' } } };
  void target;
  return {};
};

const bodyFor = (path: string, target: Target, dice: Dice): { contentType?: string; body?: string } => {
  const { pick, chance, random } = dice;
  const roll = random();
  if (roll < 0.12) return { contentType: 'application/json', body: pick(RAW_BODIES) };
  if (roll < 0.16) return { contentType: pick(CONTENT_TYPES), body: JSON.stringify(templateFor(path, target, dice)) };
  if (roll < 0.18) return {};
  const body = templateFor(path, target, dice);
  const mutations = roll < 0.32 ? 0 : 1 + Math.floor(random() * 3);
  for (let m = 0; m < mutations; m++) mutate(body, dice);
  if (chance(0.02)) return { contentType: 'application/json', body: JSON.stringify([body]) };
  return { contentType: 'application/json', body: JSON.stringify(body) };
};

/** A fresh copy: a later mutation must not change the shared pool (nor make it circular). */
const copy = (value: Json): Json =>
  typeof value === 'object' && value !== null ? (JSON.parse(JSON.stringify(value)) as Json) : value;

/** Replace, delete or add one field, at the top or one level down. */
const mutate = (body: Record<string, Json>, { pick, random }: Dice): void => {
  const keys = Object.keys(body);
  const nested = keys.filter((k) => typeof body[k] === 'object' && body[k] !== null && !Array.isArray(body[k]));
  const into = nested.length && random() < 0.25 ? (body[pick(nested)] as Record<string, Json>) : body;
  const fields = Object.keys(into);
  const roll = random();
  if (roll < 0.5 && fields.length) into[pick(fields)] = copy(pick(HOSTILE_JSON));
  else if (roll < 0.75 && fields.length) delete into[pick(fields)];
  else
    into[pick(['extra', 'step', 'on', 'amount', 'expectedRevision', 'unitId', 'caseId', 'constructor', 'periods'])] =
      copy(pick(HOSTILE_JSON));
};

const send = async (base: string, request: FuzzRequest): Promise<{ status: number; answer: string }> => {
  const headers = { ...request.headers, ...(request.contentType ? { 'content-type': request.contentType } : {}) };
  const res = await fetch(`${base}${request.url}`, { method: request.method, headers, body: request.body });
  return { status: res.status, answer: await res.text() };
};

/** The administrator's health after the run: the projector reaches the head (bounded poll). */
const projectorCatchesUp = async (base: string, adminToken: string): Promise<boolean> => {
  for (let i = 0; i < 200; i++) {
    const res = await fetch(`${base}/api/health/details`, { headers: { authorization: `Bearer ${adminToken}` } });
    if (res.status === 200 && ((await res.json()) as { projector: { lag: number } }).projector.lag === 0) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
};
