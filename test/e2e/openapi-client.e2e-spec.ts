import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// The web console's API client is typed from the API's own description (issue 23): when a route
// changes, the committed description and types must be regenerated with it. openapi-typescript
// is an ES module jest cannot load, so the check runs in its own process (scripts/openapi.ts --check),
// which regenerates both in memory and compares.
describe('the web console API client', () => {
  it('is generated from the current OpenAPI description', () => {
    const root = join(__dirname, '..', '..');
    const run = spawnSync(process.execPath, ['-r', './scripts/ts-register.js', 'scripts/openapi.ts', '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    if (run.status !== 0)
      throw new Error(`${run.stderr.trim() || run.stdout.trim()}\n(regenerate with \`npm run openapi\`)`);
    expect(run.stdout).toContain('up to date');
  });
});
