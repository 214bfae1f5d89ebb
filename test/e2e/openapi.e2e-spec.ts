import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ParameterObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { PROBLEMS, ProblemCode } from '@thads/application';
import { ruleFor } from '../../apps/api/src/auth/route-rules';
import { expressPath, openApiDocument } from '../../apps/api/src/openapi';
import { Harness, newCase, registerUnits, startApp } from '../support/app-harness';
import { typecheck } from '../support/typecheck';

/**
 * Issue 21.8: the OpenAPI description is complete enough to generate a client from, and checked
 * against the app itself, so it cannot drift: every route of the router is described, every
 * operation has a success schema and its problems, the required flags match what the handlers
 * require, the answers match their schemas, and a client generated with openapi-typescript
 * type-checks real calls (and refuses a wrong field name).
 */
describe('the OpenAPI description (/api/docs-json)', () => {
  let h: Harness;
  let doc: OpenAPIObject;
  let caseId: string;
  let submissionId: string;
  const operations: Array<{ method: string; path: string; op: OperationObject }> = [];

  beforeAll(async () => {
    h = await startApp();
    await registerUnits(h);
    caseId = (await h.http.post('/api/cases').send(newCase()).expect(201)).body.caseId;
    // A report sent, so that the submission and its changes answer 200 and are checked against their schemas.
    submissionId = (
      await h.http
        .post('/api/reports/01/submissions')
        .send({ unitId: 'vn', from: '2024-10-01', to: '2025-09-30' })
        .expect(201)
    ).body.submissionId;
    // What the server serves, not what the builder returns: the two are the same object.
    doc = (await h.http.get('/api/docs-json').expect(200)).body;
    expect(doc).toEqual(JSON.parse(JSON.stringify(openApiDocument(h.app))));
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const)
        if (item[method]) operations.push({ method, path, op: item[method]! });
    }
  });
  afterAll(() => h.close());

  const resolve = <T>(x: T | ReferenceObject): T => {
    const ref = (x as ReferenceObject).$ref;
    return ref ? resolve(doc.components!.schemas![ref.split('/').pop()!] as T) : (x as T);
  };

  it('describes every route the app serves, and only those', () => {
    const stack = (
      h.app.getHttpAdapter().getInstance() as {
        router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> };
      }
    ).router.stack;
    const served = stack
      .flatMap((l) => (l.route ? Object.keys(l.route.methods).map((m) => `${m.toUpperCase()} ${l.route!.path}`) : []))
      .filter((r) => !r.includes('/api/docs'));
    const described = operations.map(({ method, path }) => `${method.toUpperCase()} ${expressPath(path)}`);
    expect(described.sort()).toEqual(served.sort());
  });

  it('gives every operation a 2xx answer with a schema', () => {
    for (const { method, path, op } of operations) {
      const ok = Object.entries(op.responses)
        .filter(([status]) => /^2\d\d$/.test(status))
        .map(([, r]) => r as ResponseObject);
      expect({ operation: `${method} ${path}`, ok: ok.length }).toEqual({ operation: `${method} ${path}`, ok: 1 });
      const content = Object.entries(ok[0].content ?? {});
      expect({ operation: `${method} ${path}`, media: content.length > 0 }).toEqual({
        operation: `${method} ${path}`,
        media: true,
      });
      for (const [type, media] of content) {
        const schema = resolve(media.schema!);
        if (type === 'application/json')
          expect({
            operation: `${method} ${path}`,
            properties: Object.keys(schema.properties ?? {}).length > 0,
          }).toEqual({ operation: `${method} ${path}`, properties: true });
        else
          expect([type, schema.type]).toEqual([
            expect.stringMatching(
              /^(text\/(csv|html|plain)|application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet)$/,
            ),
            'string',
          ]);
      }
    }
  });

  it('declares the problems of every operation, each a catalogued code with its status and the Problem schema', () => {
    for (const { method, path, op } of operations) {
      const name = `${method.toUpperCase()} ${path}`;
      const codes = new Map<string, number>();
      for (const [status, response] of Object.entries(op.responses).filter(([s]) => /^[45]\d\d$/.test(s))) {
        const media = (response as ResponseObject).content?.['application/problem+json'];
        expect({ name, status, schema: media?.schema }).toEqual({
          name,
          status,
          schema: { $ref: '#/components/schemas/Problem' },
        });
        for (const code of Object.keys(media!.examples ?? {})) {
          expect({
            name,
            code,
            allowed: (PROBLEMS[code as ProblemCode]?.status as ReadonlyArray<number> | undefined)?.includes(
              Number(status),
            ),
          }).toEqual({ name, code, allowed: true });
          codes.set(code, Number(status));
        }
      }
      const rule = ruleFor(method.toUpperCase(), expressPath(path));
      const expected = [
        ...(rule?.kind === 'public' ? [] : ['auth.token-missing', 'auth.token-expired', 'store.unavailable']),
        ...(op.requestBody
          ? ['validation', 'request.malformed-json', 'request.too-large', 'request.unsupported-media-type']
          : []),
        ...((op.parameters ?? []).some((p) => (p as ParameterObject).in === 'query') ? ['validation'] : []),
        ...((op.parameters ?? []).some((p) => (p as ParameterObject).name === 'caseId') ? ['case.not-found'] : []),
      ];
      expect({ name, missing: expected.filter((c) => !codes.has(c)) }).toEqual({ name, missing: [] });
      // The lock (security) is shown exactly where the route rules ask for a token.
      expect({ name, security: op.security }).toEqual({ name, security: rule?.kind === 'public' ? [] : undefined });
    }
    expect(doc.security).toEqual([{ bearer: [] }]);
    const publicOps = operations
      .filter(({ op }) => op.security?.length === 0)
      .map(({ method, path }) => `${method} ${path}`);
    expect(publicOps.sort()).toEqual([
      'get /api/auth/demo-users',
      'get /api/auth/options',
      'get /api/calendar',
      'get /api/calendar/{year}',
      'get /api/health',
      'get /api/lifecycle',
      'get /api/lifecycle.mmd',
      'get /api/steps',
      'post /api/auth/demo-login',
      'post /api/auth/login',
    ]);
  });

  // Values the handlers accept for each parameter name.
  const sample = (name: string, schema: SchemaObject | undefined): string => {
    const known: Record<string, string> = {
      unitId: 'vn',
      from: '2024-10-01',
      to: '2025-09-30',
      column: 'newlyAccepted',
      year: '2025',
      limit: '10',
      offset: '0',
      asOf: '2025-06-01',
      asKnownAt: '2025-06-01',
      minPosition: '0',
      enforcerId: 'chv-01',
      rule: 'voluntary-period',
      status: 'overdue',
      minDue: '1',
      maxDue: '999999999999',
      // A form and a list that exist: an unknown one is a 404 before its query is read.
      form: '01',
      list: 'in-progress',
      // A watch list that exists (GET /api/watchlists/{id}/cases).
      id: 'credit-over-20bn-3y',
    };
    if (name === 'submissionId') return submissionId;
    return name === 'caseId' ? caseId : (known[name] ?? String(schema?.enum?.[0] ?? 'x'));
  };
  const urlOf = (path: string, params: ParameterObject[], query: string[]) => {
    const filled = path.replace(/\{([^}]+)\}/g, (_, p: string) => encodeURIComponent(sample(p, undefined)));
    const search = params
      .filter((p) => p.in === 'query' && query.includes(p.name))
      .map((p) => `${p.name}=${encodeURIComponent(sample(p.name, p.schema as SchemaObject))}`);
    return search.length ? `${filled}?${search.join('&')}` : filled;
  };

  it('marks a query parameter required exactly when the handler refuses the request without it', async () => {
    const gets = operations.filter(({ method, path }) => method === 'get' && path !== '/api/integrity/verify');
    for (const { path, op } of gets) {
      const params = (op.parameters ?? []) as ParameterObject[];
      const required = params.filter((p) => p.in === 'query' && p.required).map((p) => p.name);
      const all = params.filter((p) => p.in === 'query').map((p) => p.name);
      // The required ones alone are enough…
      const minimal = await h.http.get(urlOf(path, params, required));
      expect({ path, status: minimal.status, errors: minimal.body.errors }).toEqual({
        path,
        status: expect.not.stringMatching(/^400$/) as unknown as number,
        errors: undefined,
      });
      // …each optional one is accepted as well…
      const full = await h.http.get(urlOf(path, params, all));
      expect({ path, status: full.status === 400 ? full.body.detail : 'accepted' }).toEqual({
        path,
        status: 'accepted',
      });
      // …and leaving out a required one is a 400 naming it.
      for (const name of required) {
        const without = await h.http.get(
          urlOf(
            path,
            params,
            required.filter((n) => n !== name),
          ),
        );
        expect({ path, name, status: without.status, detail: without.body.detail }).toEqual({
          path,
          name,
          status: 400,
          detail: expect.stringContaining(name),
        });
      }
    }
  });

  /** A small JSON Schema check (the subset the description uses): what is wrong, by JSON path. */
  const mismatches = (value: unknown, schemaOrRef: SchemaObject | ReferenceObject, at: string): string[] => {
    const schema = resolve(schemaOrRef);
    if (value === null) return schema.nullable ? [] : [`${at}: null`];
    if (schema.allOf) return schema.allOf.flatMap((s) => mismatches(value, s, at));
    if (schema.enum && !schema.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} not in enum`];
    switch (schema.type) {
      case 'string':
        return typeof value === 'string' ? [] : [`${at}: not a string`];
      case 'integer':
        return Number.isInteger(value) ? [] : [`${at}: not an integer`];
      case 'number':
        return typeof value === 'number' ? [] : [`${at}: not a number`];
      case 'boolean':
        return typeof value === 'boolean' ? [] : [`${at}: not a boolean`];
      case 'array':
        return Array.isArray(value)
          ? value.flatMap((v, i) => mismatches(v, schema.items!, `${at}[${i}]`))
          : [`${at}: not an array`];
      default: {
        if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: not an object`];
        const record = value as Record<string, unknown>;
        const properties = schema.properties ?? {};
        const extra = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
        return [
          ...(schema.required ?? []).filter((k) => !(k in record)).map((k) => `${at}.${k}: missing`),
          ...Object.entries(record).flatMap(([k, v]) => {
            if (properties[k]) return v === undefined ? [] : mismatches(v, properties[k], `${at}.${k}`);
            if (extra) return mismatches(v, extra, `${at}.${k}`);
            return schema.additionalProperties === true || Object.keys(properties).length === 0
              ? []
              : [`${at}.${k}: not described`];
          }),
        ];
      }
    }
  };

  it('answers what it describes: every JSON answer of a GET matches its schema', async () => {
    await h.http.post(`/api/cases/${caseId}/steps`).send({ step: 'decide', on: '2025-01-27' }).expect(200);
    await h.http
      .put('/api/units/vn/targets/2025')
      .send({ cases: '80.00', money: '40.00', periods: { 4: { cases: '20.00', money: '10.00' } } })
      .expect(200);
    for (const { path, op } of operations.filter(({ method }) => method === 'get')) {
      const params = (op.parameters ?? []) as ParameterObject[];
      const res = await h.http.get(
        urlOf(
          path,
          params,
          params.filter((p) => p.in === 'query' && p.name !== 'format').map((p) => p.name),
        ),
      );
      if (res.status !== 200 || !res.type.endsWith('json')) continue;
      const schema = (op.responses['200'] as ResponseObject).content!['application/json'].schema!;
      expect({ path, problems: mismatches(res.body, schema, '$') }).toEqual({ path, problems: [] });
    }
  });

  describe('a client generated with openapi-typescript', () => {
    let api: string;
    // Its command line, as a client project would run it (it is an ES module, which jest cannot load).
    beforeAll(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'thads-openapi-'));
      try {
        writeFileSync(join(dir, 'openapi.json'), JSON.stringify(doc));
        const cli = join(dirname(require.resolve('openapi-typescript/package.json')), 'bin', 'cli.js');
        await promisify(execFile)(process.execPath, [cli, join(dir, 'openapi.json'), '--output', join(dir, 'api.ts')]);
        api = readFileSync(join(dir, 'api.ts'), 'utf8');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    // A minimal typed fetch over the generated `paths`, as a web client would write it.
    const client = `
      import type { components, paths } from './api';
      type Op<P extends keyof paths, M extends string> = M extends keyof paths[P] ? NonNullable<paths[P][M]> : never;
      type Ok<O> = O extends { responses: { 200: { content: { 'application/json': infer B } } } } ? B
        : O extends { responses: { 201: { content: { 'application/json': infer B } } } } ? B : never;
      type Init<O> = (O extends { parameters: { query?: infer Q } } ? { query?: Q } : {})
        & (O extends { parameters: { path: infer T } } ? { path: T } : {})
        & (O extends { requestBody: { content: { 'application/json': infer B } } } ? { body: B } : {});
      export declare function call<P extends keyof paths, M extends 'get' | 'post' | 'put'>(method: M, path: P, init: Init<Op<P, M>>): Promise<Ok<Op<P, M>>>;
      export type Problem = components['schemas']['Problem'];
    `;

    const calls = (body: string) => `
      import { call, Problem } from './client';
      export async function clerk(): Promise<void> {
        ${body}
      }
    `;

    it('type-checks real calls written against it', () => {
      const diagnostics = typecheck({
        'api.ts': api,
        'client.ts': client,
        'usage.ts': calls(`
          const receipt = await call('post', '/api/cases', { body: {
            unitId: 'kg-pq', origin: 'onRequest', on: '2025-01-24', amountDue: '228188311000',
            judgment: { court: 'TAND huyện Phú Quốc', number: '45/2024/DS-ST', date: '2024-12-10' },
            creditor: { name: 'Ngân hàng TMCP Công thương' }, debtor: { name: 'Trần Văn Bình' },
          } });
          const revision: number = receipt.revision;
          const page = await call('get', '/api/cases', { query: { unitId: 'kg-pq', limit: '10', offset: '0' } });
          const due: string = page.items[0].amounts.due;
          const total: number = page.total;
          const view = await call('get', '/api/cases/{caseId}', { path: { caseId: receipt.caseId } });
          const overdue: number | undefined = view.deadlines[0].daysOverdue;
          const enforcer: string | null = view.enforcerId;
          await call('post', '/api/cases/{caseId}/steps', { path: { caseId: view.caseId }, body: { step: 'verify', on: '2025-02-01', expectedRevision: revision } });
          const report = await call('get', '/api/statistics', { query: { unitId: 'vn', from: '2024-10-01', to: '2025-09-30' } });
          const rate: string = report.cases.rate;
          const completed: number = report.cases.completed;
          const reduced: string = report.money.reduced;
          const drill = await call('get', '/api/statistics/cases', { query: { unitId: 'vn', from: '2024-10-01', to: '2025-09-30', column: 'completed', limit: '100' } });
          const shares: string[] = drill.items.map((i) => i.amount);
          const problem: Problem = { type: 'urn:thads:problem:validation', title: 'Dữ liệu không hợp lệ', status: 400, code: 'validation', detail: '', instance: '/api/cases', requestId: 'r-1' };
          const lines: string[] | undefined = problem.errors;
          void [due, total, overdue, enforcer, rate, completed, reduced, shares, lines];
        `),
      });
      expect(diagnostics).toEqual([]);
    });

    it('refuses a field the description does not have, a missing required parameter and a wrong body', () => {
      const check = (body: string) =>
        typecheck({ 'api.ts': api, 'client.ts': client, 'usage.ts': calls(body) }).join('\n');
      expect(
        check(`const view = await call('get', '/api/cases/{caseId}', { path: { caseId: 'x' } }); void view.stateName;`),
      ).toMatch(/Property 'stateName' does not exist/);
      expect(check(`await call('get', '/api/statistics', { query: { unitId: 'vn', from: '2024-10-01' } });`)).toMatch(
        /'to' is missing/,
      );
      expect(
        check(`await call('post', '/api/units', { body: { unitId: 'x', name: 'X', level: 'commune' } });`),
      ).toMatch(/"commune"/);
    });
  });
});
