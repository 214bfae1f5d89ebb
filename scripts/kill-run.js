// The kill -9 run (docs/idempotency.md): `scripts/kill-run.sh [--points N] [--cases C] [--requests R]`.
//
// 1. Import: `thads import` of a generated file is killed with SIGKILL at N points (each run
//    goes on where the log stands, the last one is let finish), then compared with one clean
//    import of the same file into another data directory.
// 2. HTTP: the API (loopback only) takes steps from concurrent clients that repeat a request
//    with the same Idempotency-Key until it is answered, as a careful client does; the server is
//    killed with SIGKILL at N points and started again.
// Printed for each: acknowledged-but-lost, duplicated, and whether the read models equal a rebuild.
// Everything lives in a temporary directory, removed at the end; the run is bounded in time.
const { spawn } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const Database = require('better-sqlite3');
const { checkpoints, openReadStore, PROJECTION_NAMES } = require('@thads/projections');

const root = join(__dirname, '..');
const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const POINTS = arg('points', 5);
const CASES = arg('cases', 2000);
const REQUESTS = arg('requests', 600);
const CLIENTS = arg('clients', 8);
/** Lines a transaction: small, so that a kill can fall between many commits. */
const BATCH = '50';
const DEADLINE_MS = arg('minutes', 10) * 60_000;
const started = Date.now();
const work = mkdtempSync(join(tmpdir(), 'thads-kill-run-'));
const children = new Set();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line) => process.stdout.write(`${line}\n`);

const overall = setTimeout(() => {
  log(`gave up: the run took longer than ${DEADLINE_MS / 60_000} minutes`);
  for (const child of children) child.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
  process.exit(2);
}, DEADLINE_MS);

/** A node process of the built app; resolves with its exit code and output when it ends. */
const node = (script, args, env) => {
  const child = spawn(
    process.execPath,
    ['--max-semi-space-size=64', '-r', join(root, 'scripts/paths.js'), script, ...args],
    {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.add(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (err += chunk));
  child.done = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal, out, err });
    }),
  );
  return child;
};
const cli = (dir, ...args) => node(join(root, 'dist/apps/cli/src/main.js'), args, { THADS_DATA_DIR: dir });
const cliOk = async (dir, ...args) => {
  const { code, out, err } = await cli(dir, ...args).done;
  if (code !== 0) throw new Error(`thads ${args.join(' ')} exited ${code}: ${err.slice(-2000)}`);
  return out;
};

/** The log's events, and the events in it that repeat a command (same stream, same idempotency key). */
const readLog = (dir) => {
  const db = new Database(join(dir, 'thads.db'), { readonly: true });
  const events = db
    .prepare('SELECT position, id, stream_id, revision, type, data, metadata FROM events ORDER BY position')
    .all();
  db.close();
  const seen = new Set();
  let duplicated = 0;
  for (const e of events) {
    const key = JSON.parse(e.metadata).idempotencyKey;
    if (key === undefined) continue;
    const name = `${e.stream_id}\u0000${key}`;
    if (seen.has(name)) duplicated++;
    seen.add(name);
  }
  return { events, duplicated };
};
const headOf = (dir) => {
  try {
    const db = new Database(join(dir, 'thads.db'), { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT max(position) FROM events').pluck().get() ?? 0;
    } finally {
      db.close();
    }
  } catch {
    return 0; // not created yet
  }
};

/** The position every read model has projected up to (the least of their checkpoints). */
const projectedUpTo = async (file) => {
  const read = openReadStore(file);
  try {
    const saved = await checkpoints.load(read);
    return PROJECTION_NAMES.reduce((least, name) => {
      const at = saved.get(name)?.position ?? 0n;
      return at < least ? at : least;
    }, BigInt(Number.MAX_SAFE_INTEGER));
  } catch {
    return 0n; // not created yet
  } finally {
    await read.close();
  }
};

const TABLES = ['cases', 'case_steps', 'statistics_moves', 'statistics_daily', 'units', 'unit_targets'];
/** Every row of the read models, sorted (as test/support/read-model-dump.ts takes them). */
const dumpReadModels = async (file) => {
  const read = openReadStore(file);
  const rows = {};
  for (const t of TABLES) {
    const where = t === 'statistics_daily' ? ' WHERE n <> 0 OR money <> 0' : '';
    rows[t] = (await read.all(`SELECT * FROM ${t}${where}`))
      .map((r) => JSON.stringify(r, (_, v) => (typeof v === 'bigint' ? v.toString() : v)))
      .sort();
  }
  await read.close();
  return rows;
};
const sameRows = (a, b) => TABLES.every((t) => JSON.stringify(a[t]) === JSON.stringify(b[t]));
const rebuiltReadModels = async (dir, name) => {
  const file = join(dir, `${name}.db`);
  const { code, err } = await node(join(root, 'dist/apps/cli/src/main.js'), ['rebuild'], {
    THADS_DATA_DIR: dir,
    THADS_READ_STORE: file,
  }).done;
  if (code !== 0) throw new Error(`rebuild exited ${code}: ${err.slice(-2000)}`);
  return dumpReadModels(file);
};

const importRun = async () => {
  const file = join(work, 'generated.jsonl');
  await cliOk(work, 'generate', '--cases', String(CASES), '--out', file);
  const clean = join(work, 'import-clean');
  const t0 = Date.now();
  const cleanSummary = JSON.parse(await cliOk(clean, 'import', file, '--batch', BATCH));
  log(`import: ${cleanSummary.lines} lines, one clean import in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const total = headOf(clean);
  const killed = join(work, 'import-killed');
  const points = [];
  for (let k = 1; k <= POINTS; k++) {
    const target = Math.floor((total * k) / (POINTS + 1));
    const child = cli(killed, 'import', file, '--batch', BATCH);
    while (headOf(killed) < target && child.exitCode === null) await sleep(5);
    child.kill('SIGKILL');
    const { signal } = await child.done;
    points.push(signal === 'SIGKILL' ? headOf(killed) : `${headOf(killed)} (finished first)`);
  }
  const last = JSON.parse(await cliOk(killed, 'import', file, '--batch', BATCH));
  const once = readLog(clean);
  const after = readLog(killed);
  const text = (e) => `${e.stream_id}@${e.revision} ${e.id} ${e.type} ${e.data}`;
  const cleanSet = new Set(once.events.map(text));
  const afterSet = new Set(after.events.map(text));
  const lost = once.events.filter((e) => !afterSet.has(text(e))).length;
  const extra = after.events.filter((e) => !cleanSet.has(text(e))).length;
  const equal = sameRows(await rebuiltReadModels(killed, 'rebuilt'), await rebuiltReadModels(clean, 'rebuilt'));
  log(
    `import: killed (SIGKILL) with ${points.join(', ')} of ${total} events stored; the whole file again: ${last.applied} applied, ${last.alreadyApplied} already applied, ${last.rejected} rejected`,
  );
  log(
    `import: events ${after.events.length} (one clean import: ${once.events.length}); lost ${lost}; appended that one clean import has not ${extra}; duplicated ${after.duplicated}; read models equal those of the clean import: ${equal ? 'yes' : 'NO'}`,
  );
  return lost === 0 && extra === 0 && after.duplicated === 0 && equal;
};

const httpRun = async () => {
  const dir = join(work, 'http');
  const units = join(work, 'units.jsonl');
  await cliOk(work, 'generate', '--cases', '1', '--out', units); // the units, and one case
  await cliOk(dir, 'import', units);
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const base = `http://127.0.0.1:${port}/api`;
  const env = {
    THADS_DATA_DIR: dir,
    PORT: String(port),
    THADS_DEMO: '0',
    THADS_DEV_ACTOR: '1',
    NODE_ENV: 'development',
  };
  let server;
  const start = async () => {
    server = node(join(root, 'scripts/kill-run-server.js'), [], env);
    for (let i = 0; i < 600; i++) {
      if (server.exitCode !== null) throw new Error(`the server stopped: ${(await server.done).err.slice(-2000)}`);
      try {
        if ((await fetch(`${base}/health`)).status === 200) return;
      } catch {
        /* not listening yet */
      }
      await sleep(100);
    }
    throw new Error('the server did not become healthy in 60 s');
  };
  await start();

  // Each client walks cases: receive, decide, three verifications; every request has its own key.
  const acknowledged = [];
  let sent = 0;
  let retried = 0;
  let refused = 0;
  const request = async (path, body, key) => {
    for (;;) {
      try {
        const res = await fetch(`${base}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify(body),
        });
        if (res.status === 503 || res.status >= 500) {
          retried++;
          await sleep(50);
          continue;
        }
        const answer = await res.json();
        if (res.status >= 400) {
          refused++;
          log(`http: ${path} ${res.status} ${answer.code}: ${answer.detail}`);
          return undefined;
        }
        return answer;
      } catch {
        retried++; // the server is down (killed): the same request again, with the same key
        await sleep(50);
      }
    }
  };
  const client = async (c) => {
    for (let n = 0; sent < REQUESTS; n++) {
      const caseId = `kr-${c}-${n}`;
      const steps = [
        [
          '/cases',
          {
            caseId,
            unitId: 'kg-pq',
            origin: 'onRequest',
            on: '2025-01-24',
            judgment: { court: 'TAND', number: `${c}/${n}`, date: '2024-12-10' },
            creditor: { name: 'A' },
            debtor: { name: 'B' },
            amountDue: '1000000',
          },
        ],
        [`/cases/${caseId}/steps`, { step: 'decide', on: '2025-02-03' }],
        ...[0, 1, 2].map((v) => [
          `/cases/${caseId}/steps`,
          { step: 'verify', on: '2025-02-20', note: `verification ${v}` },
        ]),
      ];
      for (const [i, [path, body]] of steps.entries()) {
        const key = `kill-run-${c}-${n}-${i}`;
        sent++;
        const answer = await request(path, body, key);
        if (answer) acknowledged.push({ key, caseId, revision: answer.revision });
      }
    }
  };
  const load = Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
  let kills = 0;
  for (let k = 1; k <= POINTS; k++) {
    while (sent < (REQUESTS * k) / (POINTS + 1)) await sleep(5);
    server.kill('SIGKILL');
    await server.done;
    kills++;
    await start();
  }
  await load;

  // Wait until every read model has projected the whole log (its checkpoint), then stop the
  // server gracefully: a projector behind is late, not wrong.
  const head = BigInt(headOf(dir));
  for (let i = 0; i < 1200 && (await projectedUpTo(join(dir, 'read.db'))) < head; i++) await sleep(50);
  server.kill('SIGTERM');
  await server.done;

  const { events, duplicated } = readLog(dir);
  const at = new Map(events.map((e) => [`${e.stream_id}@${e.revision}`, JSON.parse(e.metadata).idempotencyKey]));
  const lost = acknowledged.filter((a) => at.get(`case-${a.caseId}@${a.revision}`) !== a.key).length;
  const equal = sameRows(await dumpReadModels(join(dir, 'read.db')), await rebuiltReadModels(dir, 'rebuilt'));
  log(
    `http: ${sent} requests from ${CLIENTS} clients (${retried} attempts met a server down or failing and were sent again, same key; ${refused} refused), server killed (SIGKILL) ${kills} times`,
  );
  log(
    `http: acknowledged ${acknowledged.length}; acknowledged-but-lost ${lost}; duplicated ${duplicated}; read models equal a rebuild: ${equal ? 'yes' : 'NO'}`,
  );
  return lost === 0 && duplicated === 0 && equal && refused === 0;
};

(async () => {
  try {
    log(`kill run: ${POINTS} kill points each, ${CASES} generated cases, ${REQUESTS} HTTP requests (work in ${work})`);
    const imported = await importRun();
    const served = await httpRun();
    log(`kill run: ${imported && served ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    process.exitCode = imported && served ? 0 : 1;
  } catch (error) {
    log(`kill run: error: ${error.stack ?? error}`);
    process.exitCode = 1;
  } finally {
    for (const child of children) child.kill('SIGKILL');
    clearTimeout(overall);
    rmSync(work, { recursive: true, force: true });
  }
})();
