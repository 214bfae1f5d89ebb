import { AnchorKey, AnchorWriter, summaryOf } from '@thads/application';
import { Args } from '../args';
import { CliContext } from '../context';

/**
 * `thads anchor`: signs the log's head now (docs/integrity.md), creating the key file on first
 * use; nothing is written when no event came since the last anchor. `--show`: the public key and
 * the latest anchor, writing nothing (what an auditor keeps a copy of).
 */
export const anchorCommand = async (args: Args, ctx: CliContext): Promise<number> => {
  const { keyFile, file } = ctx.config.anchors;
  if (args.flags.show === true) {
    const key = AnchorKey.load(keyFile);
    if (!key) {
      ctx.err.write(`no anchor key at ${keyFile}\n`);
      return 1;
    }
    const latest = new AnchorWriter(ctx.store, key, file).latest();
    ctx.out.write(
      `${JSON.stringify({ keyFingerprint: key.fingerprint, publicKey: key.publicKeyPem, latest: latest ? summaryOf(latest) : null }, null, 2)}\n`,
    );
    return 0;
  }
  const writer = new AnchorWriter(ctx.store, AnchorKey.loadOrCreate(keyFile), file, () => ctx.clock.now());
  const { written, anchor } = await writer.write('demand');
  ctx.err.write(
    `anchor key: ${writer.fingerprint}${written ? '' : ' (no event since the last anchor: nothing written)'}\n`,
  );
  ctx.out.write(`${JSON.stringify({ written, anchor: anchor ? summaryOf(anchor) : null })}\n`);
  return 0;
};

/** The anchor at the end of an import, so the lines just applied are covered at once. */
export const anchorAfterImport = async (ctx: CliContext): Promise<string> => {
  const writer = new AnchorWriter(
    ctx.store,
    AnchorKey.loadOrCreate(ctx.config.anchors.keyFile),
    ctx.config.anchors.file,
    () => ctx.clock.now(),
  );
  const { written, anchor } = await writer.write('import');
  return anchor
    ? `anchor ${anchor.seq}${written ? '' : ' (unchanged)'} at position ${anchor.position}, key ${writer.fingerprint}`
    : 'no event: no anchor';
};
