import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** Issue 21.4: the CLI reads the same configuration as the API, through the same schema. */
describe('the CLI with a bad configuration', () => {
  it('exits 1 naming the variable and what it expects, with no stack trace', async () => {
    const register = join(__dirname, '..', '..', 'scripts', 'ts-register.js');
    const main = join(__dirname, '..', '..', 'apps', 'cli', 'src', 'main.ts');
    const child = spawn(process.execPath, ['-r', register, main, 'report'], {
      env: { ...process.env, THADS_ROLE: 'foo', THADS_DATADIR: '/tmp' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('thads: the configuration was refused');
    expect(stderr).toContain('  - THADS_ROLE="foo": expected all, api or projector');
    expect(stderr).toContain('  - THADS_DATADIR: not a setting of thads (did you mean THADS_DATA_DIR?)');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
