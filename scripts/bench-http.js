// `npm run bench:http [-- --cases 2000 --clients 32 --health-clients 4 --stores sqlite,postgres --minutes 8]`
//
// The paths a person waits on, measured from outside (issue 22): the built API (`npm start`'s
// dist/apps/api/src/main.js) on a fresh temporary data directory, demo data off, development
// actor headers, loopback only. A load client over keep-alive HTTP (node's own http.Agent, no
// dependency) receives the cases, then walks each through decide, assign, verify, classify
// (withConditions), collect, complete with `--clients` at once, while `--health-clients` ask
// `GET /api/health` in a loop. Every tenth step is followed by a read of the case list with
// `minPosition` = the step's position: the time from the step's answer to that list's answer is
// the projection lag (the read waits until the read models include the step, bounded at 5 s).
// PostgreSQL (THADS_PG_TEST_URL or postgres://postgres@127.0.0.1:5432/test) is measured when it
// answers, in two scratch schemas dropped at the end. The server is always killed; the run is
// bounded in time (--minutes).
const http = require('node:http');
const net = require('node:net');
const { spawn } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..');
const flag = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const CASES = Number(flag('cases', 2000));
const CLIENTS = Number(flag('clients', 32));
const HEALTH_CLIENTS = Number(flag('health-clients', 4));
const STORES = flag('stores', 'sqlite,postgres').split(',');
const DEADLINE_MS = Number(flag('minutes', 8)) * 60_000;
/** Extra node options for the server, e.g. `--node-options=--cpu-prof --cpu-prof-dir=/tmp/prof`. */
const NODE_OPTIONS = (flag('node-options', '') || '').split(' ').filter(Boolean);
const LAG_EVERY = 10;
const PG_URL = process.env.THADS_PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const log = (line) => process.stdout.write(`${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const servers = new Set();
let overallTimer;
const scratch = [];

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

/** One keep-alive request; resolves with status, body and the time it took in ms. */
const client = (port, sockets) => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const request = (method, path, body) =>
    new Promise((resolve) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const started = process.hrtime.bigint();
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method,
          path,
          agent,
          headers: {
            'x-actor-role': 'system',
            'x-actor-id': 'bench',
            'x-actor-unit': 'vn',
            ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => {
            const ms = Number(process.hrtime.bigint() - started) / 1e6;
            let json;
            try {
              json = text ? JSON.parse(text) : undefined;
            } catch {
              json = text;
            }
            resolve({ status: res.statusCode, body: json, ms, at: process.hrtime.bigint() });
          });
        },
      );
      // A failed request is an answer with status 0 (counted as a failure), never an unhandled rejection.
      req.on('error', (error) =>
        resolve({
          status: 0,
          body: error.message,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
          at: process.hrtime.bigint(),
        }),
      );
      if (payload) req.write(payload);
      req.end();
    });
  return { request, close: () => agent.destroy() };
};

const percentile = (values, p) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
};
const round = (n, digits = 1) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : n);

const newCase = (caseId) => ({
  caseId,
  unitId: 'kg-pq',
  origin: 'onRequest',
  on: '2025-01-24',
  judgment: { court: 'TAND huyện Phú Quốc', number: '45/2024/DS-ST', date: '2024-12-10' },
  creditor: { name: 'Ngân hàng TMCP Công thương' },
  debtor: { name: 'Trần Văn Bình' },
  amountDue: '1000000',
});
/** A walk every guard accepts: the collection settles the amount due, so `complete` is allowed. */
const STEPS = [
  { step: 'decide', on: '2025-02-03' },
  { step: 'assign', on: '2025-02-03', enforcerId: 'chv-07' },
  { step: 'verify', on: '2025-02-25' },
  { step: 'classify', on: '2025-02-27', class: 'withConditions' },
  { step: 'collect', on: '2025-03-10', amount: '1000000' },
  { step: 'complete', on: '2025-03-11' },
];
const UNITS = [
  { unitId: 'vn', name: 'Cục Quản lý THADS', level: 'central' },
  { unitId: 'kg', name: 'THADS tỉnh Kiên Giang', level: 'province', parentId: 'vn' },
  { unitId: 'kg-pq', name: 'Chi cục THADS Phú Quốc', level: 'district', parentId: 'kg' },
];

const startServer = async (name, env) => {
  const dir = mkdtempSync(join(tmpdir(), `thads-bench-http-${name}-`));
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [...NODE_OPTIONS, '-r', join(root, 'scripts/paths.js'), join(root, 'dist/apps/api/src/main.js')],
    {
      cwd: root,
      env: {
        ...process.env,
        THADS_DATA_DIR: dir,
        THADS_DEMO: '0',
        THADS_DEV_ACTOR: '1',
        THADS_BIND: '127.0.0.1',
        PORT: String(port),
        NODE_ENV: 'development',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  servers.add(child);
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  child.exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      servers.delete(child);
      resolve({ code, signal });
    }),
  );
  const probe = client(port, 1);
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}): ${output.slice(-2000)}`);
    const answer = await probe.request('GET', '/api/health').catch(() => undefined);
    if (answer?.status === 200) break;
    if (Date.now() > until) throw new Error(`the server did not become ready in 60 s: ${output.slice(-2000)}`);
    await sleep(100);
  }
  probe.close();
  return {
    port,
    output: () => output,
    stop: async () => {
      // SIGINT lets a --cpu-prof server write its profile; SIGKILL if it does not end soon.
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await child.exited;
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

const measure = async (name, env) => {
  const server = await startServer(name, env);
  const api = client(server.port, CLIENTS);
  const health = client(server.port, HEALTH_CLIENTS);
  const lagClient = client(server.port, 8);
  const failures = [];
  const fail = (what, answer) => {
    if (failures.length < 5) failures.push(`${what}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
  };
  try {
    for (const unit of UNITS) {
      const answer = await api.request('POST', '/api/units', unit);
      if (answer.status !== 201)
        throw new Error(`unit ${unit.unitId}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    const ids = Array.from({ length: CASES }, (_, i) => `bench-${i}`);

    // Receive every case.
    let next = 0;
    const receiveMs = [];
    const receiveStarted = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < ids.length) {
          const caseId = ids[next++];
          const answer = await api.request('POST', '/api/cases', newCase(caseId));
          if (answer.status !== 201) fail(`receive ${caseId}`, answer);
          receiveMs.push(answer.ms);
        }
      }),
    );
    const receiveSeconds = Number(process.hrtime.bigint() - receiveStarted) / 1e9;

    // The steps of each case, with health and read-your-writes beside them.
    let stepping = true;
    const healthMs = [];
    const healthLoops = Array.from({ length: HEALTH_CLIENTS }, async () => {
      while (stepping) {
        const answer = await health.request('GET', '/api/health');
        if (answer.status !== 200) fail('health', answer);
        healthMs.push(answer.ms);
      }
    });
    const lags = [];
    const lagReads = [];
    let lagTimeouts = 0;
    const stepMs = [];
    let steps = 0;
    next = 0;
    const stepsStarted = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < ids.length) {
          const caseId = ids[next++];
          for (const body of STEPS) {
            const answer = await api.request('POST', `/api/cases/${caseId}/steps`, body);
            if (answer.status !== 200) {
              fail(`${body.step} ${caseId}`, answer);
              break;
            }
            stepMs.push(answer.ms);
            if (++steps % LAG_EVERY === 0) {
              const answeredAt = answer.at;
              lagReads.push(
                lagClient
                  .request('GET', `/api/cases?unitId=kg-pq&limit=1&minPosition=${answer.body.position}`)
                  .then((read) => {
                    if (read.status !== 200) fail('lag read', read);
                    const lag = Number(read.at - answeredAt) / 1e6;
                    if (lag >= 5000) lagTimeouts++;
                    lags.push(lag);
                  }),
              );
            }
          }
        }
      }),
    );
    const stepSeconds = Number(process.hrtime.bigint() - stepsStarted) / 1e9;
    stepping = false;
    await Promise.all(healthLoops);
    await Promise.all(lagReads);
    const healthPerSecond = healthMs.length / stepSeconds;
    const stepsPerSecond = steps / stepSeconds;
    return {
      store: name,
      receivesPerSecond: Math.round(CASES / receiveSeconds),
      receiveP50: round(percentile(receiveMs, 0.5)),
      receiveP99: round(percentile(receiveMs, 0.99)),
      steps,
      stepsPerSecond: Math.round(stepsPerSecond),
      stepP50: round(percentile(stepMs, 0.5)),
      stepP99: round(percentile(stepMs, 0.99)),
      healthPerSecond: Math.round(healthPerSecond),
      healthP50: round(percentile(healthMs, 0.5)),
      healthP99: round(percentile(healthMs, 0.99)),
      healthMax: round(healthMs.reduce((a, b) => (b > a ? b : a), 0)),
      ratio: round(healthPerSecond / stepsPerSecond, 2),
      lagP50: round(percentile(lags, 0.5)),
      lagP99: round(percentile(lags, 0.99)),
      lagSamples: lags.length,
      lagTimeouts,
      failures,
    };
  } finally {
    if (failures.length > 0)
      log(
        `${name}: server output (last lines):\n${server
          .output()
          .split('\n')
          .filter((l) => !/Mapped|RoutesResolver|InstanceLoader/.test(l))
          .slice(-15)
          .join('\n')}`,
      );
    api.close();
    health.close();
    lagClient.close();
    await server.stop();
  }
};

const postgresReachable = async () => {
  let Client;
  try {
    ({ Client } = require('pg'));
  } catch {
    return false;
  }
  const c = new Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
};

const dropSchemas = async () => {
  if (scratch.length === 0) return;
  const { Client } = require('pg');
  const c = new Client({ connectionString: PG_URL });
  await c.connect();
  for (const schema of scratch.splice(0)) await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await c.end();
};

const pgEnv = () => {
  const tag = Math.random().toString(36).slice(2, 10);
  const url = (schema) => {
    const u = new URL(PG_URL);
    u.searchParams.set('schema', schema);
    return u.toString();
  };
  scratch.push(`bench_http_events_${tag}`, `bench_http_read_${tag}`);
  return { THADS_EVENT_STORE: url(`bench_http_events_${tag}`), THADS_READ_STORE: url(`bench_http_read_${tag}`) };
};

const main = async () => {
  overallTimer = setTimeout(() => {
    log(`gave up: the run took longer than ${DEADLINE_MS / 60_000} minutes`);
    for (const child of servers) child.kill('SIGKILL');
    dropSchemas().finally(() => process.exit(2));
  }, DEADLINE_MS);
  const rows = [];
  for (const store of STORES) {
    if (store === 'postgres' && !(await postgresReachable())) {
      log(`postgres: not reachable at ${PG_URL.replace(/:[^:@/]*@/, ':***@')}, not measured`);
      continue;
    }
    try {
      rows.push(await measure(store, store === 'postgres' ? pgEnv() : {}));
    } finally {
      await dropSchemas();
    }
  }
  clearTimeout(overallTimer);
  log(
    `${CASES} cases × ${STEPS.length} steps, ${CLIENTS} clients, ${HEALTH_CLIENTS} health clients; node ${process.version}`,
  );
  log(
    'store      steps/s  step p50/p99 ms   health/s  health p50/p99/max ms  ratio  lag p50/p99 ms   receive/s p50/p99',
  );
  for (const r of rows) {
    log(
      `${r.store.padEnd(10)} ${String(r.stepsPerSecond).padStart(7)}  ${`${r.stepP50} / ${r.stepP99}`.padEnd(16)} ${String(r.healthPerSecond).padStart(8)}  ${`${r.healthP50} / ${r.healthP99} / ${r.healthMax}`.padEnd(21)} ${String(r.ratio).padStart(5)}  ${`${r.lagP50} / ${r.lagP99}`.padEnd(15)}  ${r.receivesPerSecond} ${r.receiveP50}/${r.receiveP99}`,
    );
    if (r.lagTimeouts) log(`  ${r.lagTimeouts} of ${r.lagSamples} lag reads reached the 5 s read-your-writes bound`);
    for (const f of r.failures) log(`  failed: ${f}`);
  }
  log(JSON.stringify({ cases: CASES, clients: CLIENTS, healthClients: HEALTH_CLIENTS, rows }));
  return rows.some((r) => r.failures.length > 0) ? 1 : 0;
};

const cleanUp = () => {
  for (const child of servers) child.kill('SIGKILL');
};
process.on('exit', cleanUp);
process.on('SIGINT', () => {
  cleanUp();
  process.exit(130);
});
main().then(
  (code) => {
    process.exitCode = code;
  },
  async (error) => {
    console.error(error);
    clearTimeout(overallTimer);
    cleanUp();
    await dropSchemas().catch(() => undefined);
    process.exitCode = 1;
  },
);
