import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A child process compiling the CLI's sources on a busy machine.
jest.setTimeout(120_000);

const register = join(__dirname, '../../scripts/ts-register.js');
const cli = join(__dirname, '../../apps/cli/src/main.ts');

/** The CLI as a user runs it, its stdout and stderr read through pipes (as `| wc -c` does). */
const run = (dataDir: string, ...args: string[]) =>
  new Promise<{ code: number | null; stdout: Buffer; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', register, cli, ...args], {
      env: { ...process.env, THADS_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr }));
  });

const shell = (dataDir: string, script: string) =>
  new Promise<string>((resolve, reject) =>
    execFile('sh', ['-c', script], { env: { ...process.env, THADS_DATA_DIR: dataDir } }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    ),
  );

/** Issue 19, point 8: the process exited before a pipe drained, cutting output at 64 KiB. */
describe('CLI output through a pipe', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'thads-pipe-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes an import summary larger than 64 KiB in full, through a pipe', async () => {
    const lines = Array.from({ length: 1500 }, (_, i) =>
      JSON.stringify({
        caseId: `nope-${i}`,
        step: 'verify',
        on: '2025-02-31',
        note: 'a line refused for a date that does not exist',
      }),
    );
    writeFileSync(join(dir, 'bad.jsonl'), `${lines.join('\n')}\n`);
    // The issue's `thads import … | wc -c` gave 65,536. A reader taking a byte at a time (dd
    // bs=1) makes the race certain: the old process exited with most of the output queued.
    const command = `"${process.execPath}" -r "${register}" "${cli}" import "${join(dir, 'bad.jsonl')}" 2>/dev/null`;
    const piped = await shell(dir, `${command} | dd bs=1 status=none | tee "${join(dir, 'summary.json')}" | wc -c`);
    const summary = readFileSync(join(dir, 'summary.json'));
    expect(summary.length).toBeGreaterThan(65_536);
    expect(Number(piped.trim())).toBe(summary.length);
    const parsed = JSON.parse(summary.toString('utf8'));
    expect([parsed.lines, parsed.rejected, parsed.rejections.length]).toEqual([1500, 1500, 1000]);
  });

  it('sends --help to stdout with exit code 0, and an unknown command to stderr with 2', async () => {
    const help = await run(dir, '--help');
    expect([help.code, help.stdout.toString()]).toEqual([0, expect.stringContaining('thads <command>')]);
    const unknown = await run(dir, 'frobnicate');
    expect([unknown.code, unknown.stdout.length, unknown.stderr]).toEqual([
      2,
      0,
      expect.stringContaining('thads <command>'),
    ]);
  });

  it('stops quietly when the reader goes away (export | head -1)', async () => {
    const command = `"${process.execPath}" -r "${register}" "${cli}"`;
    await shell(
      dir,
      `${command} generate --cases 40 --out "${join(dir, 'g.jsonl')}" && ${command} import "${join(dir, 'g.jsonl')}" > /dev/null 2>&1`,
    );
    const out = await shell(
      dir,
      `bash -c '${command} export 2> "${join(dir, 'err.txt')}" | head -1; echo "exit \${PIPESTATUS[0]}"'`,
    );
    expect(out.trim().split('\n')).toEqual([expect.stringContaining('"position":1'), 'exit 0']);
    expect(readFileSync(join(dir, 'err.txt'), 'utf8')).not.toMatch(/EPIPE|at /);
  });

  it("answers a command's --help with its usage on stdout, exit 0, and opens no store", async () => {
    const data = join(dir, 'not-created');
    const help = await run(data, 'import', '--help');
    expect([help.code, help.stdout.toString()]).toEqual([0, expect.stringContaining('thads import FILE.jsonl')]);
    expect(existsSync(data)).toBe(false);
  });
});
