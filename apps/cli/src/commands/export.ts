import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Args, flag } from '../args';
import { CliContext } from '../context';
import { progressBar } from '../progress';

/** `thads export [--out FILE]`: the whole event log as JSONL, in global order, streamed. */
export const exportCommand = async (args: Args, ctx: CliContext): Promise<number> => {
  const file = flag(args, 'out');
  // The whole log, parties' names included: readable by its owner only, as the data files are.
  const out = file ? createWriteStream(file, { mode: 0o600 }) : ctx.out;
  const head = Number((await ctx.store.headPosition()) ?? 0n);
  const bar = progressBar('export', 'positions');
  bar.start(head, 0);
  let count = 0;
  for await (const e of ctx.store.readAll()) {
    const line = JSON.stringify({
      position: Number(e.position),
      streamId: e.streamId,
      revision: Number(e.revision),
      id: e.id,
      type: e.type,
      data: e.data,
      metadata: e.metadata,
    });
    if (!out.write(`${line}\n`)) await once(out, 'drain');
    if (++count % 5000 === 0) bar.update(Number(e.position));
  }
  bar.update(head);
  bar.stop();
  if (file) await new Promise<void>((resolve) => (out as NodeJS.WritableStream).end(() => resolve()));
  ctx.err.write(`exported ${count} events\n`);
  return 0;
};
