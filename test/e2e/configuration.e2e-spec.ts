import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationRejected } from '@thads/application';
import { start, startFailure } from '../../apps/api/src/main';

const BAD = {
  THADS_EVENTSTORE: 'x.db',
  PORT: 'abc',
  THADS_ROLE: 'foo',
  THADS_PROJECTOR_LEASE_MS: '-1',
  THADS_BIND: 'nonsense',
};
const EXPECTED = [
  'THADS_EVENTSTORE: not a setting of thads (did you mean THADS_EVENT_STORE?)',
  'PORT="abc": expected a port number from 0 to 65535',
  'THADS_ROLE="foo": expected all, api or projector',
  'THADS_PROJECTOR_LEASE_MS="-1": expected a whole number of milliseconds, at least 300',
  'THADS_BIND="nonsense": expected an IP address (127.0.0.1, 0.0.0.0, ::) or localhost',
];

/** Issue 21.4: an unknown or malformed THADS_* value stops the start with a clear message. */
describe('starting with a bad configuration', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'thads-config-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses in the bootstrap (through @nestjs/config), naming every variable and what it expects', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, BAD, { THADS_DATA_DIR: dataDir });
    try {
      const error = await start().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ConfigurationRejected);
      expect((error as ConfigurationRejected).problems).toEqual(EXPECTED);
      const message = startFailure(error);
      for (const line of EXPECTED) expect(message).toContain(`  - ${line}`);
      expect(message).not.toMatch(/\n\s+at /);
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    }
  });

  it('exits non-zero with the message on stderr and no stack trace (node apps/api/src/main.ts)', async () => {
    const register = join(__dirname, '..', '..', 'scripts', 'ts-register.js');
    const main = join(__dirname, '..', '..', 'apps', 'api', 'src', 'main.ts');
    const child = spawn(process.execPath, ['-r', register, main], {
      env: { ...process.env, ...BAD, THADS_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(/^thads did not start: the configuration was refused/);
    for (const line of EXPECTED) expect(stderr).toContain(`  - ${line}`);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
