import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { AddressInfo, createServer } from 'node:net';

// dist/apps/cli/src/commands → the repository.
const ROOT = join(__dirname, '..', '..', '..', '..', '..');
export const WEB_DIR = join(ROOT, 'dist', 'web');

/**
 * What a first visit to the console downloads before it can draw: index.html and the scripts and
 * styles it names (the entry and its preloaded imports), gzipped as a server would send them.
 * Pages loaded on demand (lazy chunks) are not counted.
 */
export const firstVisitBytes = ():
  { jsGzip: number; cssGzip: number; htmlGzip: number; files: string[] } | undefined => {
  const index = join(WEB_DIR, 'index.html');
  if (!existsSync(index)) return undefined;
  const html = readFileSync(index, 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const gz = (file: string) => gzipSync(readFileSync(join(WEB_DIR, file)), { level: 6 }).length;
  return {
    jsGzip: files.filter((f) => f.endsWith('.js')).reduce((n, f) => n + gz(f), 0),
    cssGzip: files.filter((f) => f.endsWith('.css')).reduce((n, f) => n + gz(f), 0),
    htmlGzip: gzipSync(html).length,
    files,
  };
};

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/** `npm start`'s server on a data directory, on a free port; resolves once /api/health answers. */
export const startServer = async (
  dataDir: string,
  env: NodeJS.ProcessEnv,
): Promise<{ url: string; stop(): Promise<void> }> => {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', join(ROOT, 'scripts', 'paths.js'), join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js')],
    {
      env: { ...process.env, NODE_ENV: 'development', THADS_DATA_DIR: dataDir, PORT: String(port), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('API on http')) resolve();
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) =>
      reject(new Error(`the server stopped (${code}) before answering:\n${log.slice(-2000)}`)),
    );
  });
  for (;;) {
    const health = await fetch(`${url}/api/health`).catch(() => undefined);
    if (health?.ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
};
