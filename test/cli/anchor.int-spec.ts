import Database from 'better-sqlite3';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnchorKey, demoLines } from '@thads/application';
import { SqliteEventStore } from '@thads/event-store';
import { parseArgs } from '../../apps/cli/src/args';
import { anchorCommand } from '../../apps/cli/src/commands/anchor';
import { caseCommand } from '../../apps/cli/src/commands/case';
import { importCommand } from '../../apps/cli/src/commands/import';
import { verifyCommand } from '../../apps/cli/src/commands/verify';
import { cliContext } from './cli-harness';

describe('thads anchor, and thads verify --all against the anchors', () => {
  let cli: ReturnType<typeof cliContext>;
  const run = async (command: typeof verifyCommand, ...argv: string[]) => {
    const before = [cli.out.text().length, cli.err.text().length];
    const code = await command(parseArgs(argv), cli.ctx);
    return { code, out: cli.out.text().slice(before[0]), err: cli.err.text().slice(before[1]) };
  };

  beforeEach(async () => {
    cli = cliContext();
    const file = join(cli.dir, 'demo.jsonl');
    writeFileSync(file, [...demoLines('2026-11-22', { cases: 20 })].join('\n'));
    await importCommand(parseArgs(['import', file]), cli.ctx);
  });
  afterEach(() => cli.close());

  it('anchors the end of an import with a key created 0600 in the data directory, and prints its fingerprint', async () => {
    const { keyFile, file } = cli.ctx.config.anchors;
    expect([keyFile, file]).toEqual([join(cli.dir, 'anchor-key.pem'), join(cli.dir, 'anchors.jsonl')]);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const head = String(await cli.ctx.store.headPosition());
    expect(JSON.parse(readFileSync(file, 'utf8').trim())).toMatchObject({ seq: 1, reason: 'import', position: head });
    const fingerprint = AnchorKey.load(keyFile)!.fingerprint;
    const verify = await run(verifyCommand, 'verify', '--all');
    expect(verify.code).toBe(0);
    expect(verify.err).toContain(`anchor key: ${fingerprint}`);
    expect(JSON.parse(verify.out).anchors).toMatchObject({
      valid: true,
      checked: 1,
      latest: { position: head, keyFingerprint: fingerprint },
      window: { events: 0 },
    });
    // Nothing new: `thads anchor` writes nothing and says so; --show gives the public key.
    expect(JSON.parse((await run(anchorCommand, 'anchor')).out)).toMatchObject({ written: false, anchor: { seq: 1 } });
    expect(JSON.parse((await run(anchorCommand, 'anchor', '--show')).out)).toMatchObject({
      keyFingerprint: fingerprint,
      publicKey: expect.stringContaining('BEGIN PUBLIC KEY'),
    });
    // The case's timeline prints the anchor too, as every exported history does.
    expect((await run(caseCommand, 'case', 'demo-0001')).out).toMatch(
      new RegExp(`Mốc neo nhật ký: số 1, vị trí ${head} .*khóa ${fingerprint}`),
    );
  });

  it('exits 1 and names the anchor, the position and the kind when the last event of a stream was deleted', async () => {
    const db = (cli.ctx.store as SqliteEventStore).db;
    const { position, stream_id } = db
      .prepare(
        "SELECT position, stream_id FROM events WHERE stream_id LIKE 'case-%' ORDER BY revision DESC, position LIMIT 1",
      )
      .get() as { position: number; stream_id: string };
    new Database(cli.ctx.config.eventStore).prepare('DELETE FROM events WHERE position = ?').run(position);
    const verify = await run(verifyCommand, 'verify', '--all');
    expect(verify.code).toBe(1);
    const report = JSON.parse(verify.out);
    // The stream's chain still holds (its last event is simply gone): only the anchor sees it.
    expect(report.brokenStreams).toBe(0);
    expect(report.anchors.findings).toEqual([expect.objectContaining({ kind: 'truncated', anchor: 1 })]);
    const [finding] = report.anchors.findings;
    expect(finding.found).toBe(finding.expected - 1);
    expect(BigInt(finding.from) <= BigInt(position) && BigInt(position) <= BigInt(finding.to)).toBe(true);
    expect(verify.err).toMatch(/✗ anchor 1: truncated \(thiếu sự kiện so với mốc neo/);
    expect(stream_id).toMatch(/^case-/);
  });
});
