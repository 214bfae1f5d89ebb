import 'reflect-metadata';
import { ConfigurationRejected } from '@thads/application';
import { Args, parseArgs, UsageError } from './args';
import { CliContext, openCliContext } from './context';
import { benchCommand } from './commands/bench';
import { benchReportsCommand } from './commands/bench-reports';
import { benchFormsCommand } from './commands/bench-forms';
import { exportCommand } from './commands/export';
import { generateCommand } from './commands/generate';
import { importCommand } from './commands/import';
import { rebuildCommand } from './commands/rebuild';
import { deadlinesCommand } from './commands/deadlines';
import { reportCommand } from './commands/report';
import { userCommand } from './commands/user';

type Command = (args: Args, ctx: CliContext) => Promise<number>;

const COMMANDS: Record<string, { run: Command; help: string }> = {
  import: {
    run: importCommand,
    help: 'import FILE.jsonl [--batch 2000]  apply units, cases and steps through the write path',
  },
  export: { run: exportCommand, help: 'export [--out FILE]                the event log as JSONL' },
  generate: {
    run: generateCommand,
    help: 'generate [--cases 400] [--seed S] [--prefix gen] [--no-units] [--start D] [--today D] [--national] [--seasonal] [--watch-cases N] [--out FILE]   demo-style import lines (case ids gen-0001…)',
  },
  rebuild: {
    run: rebuildCommand,
    help: 'rebuild [projection…]             empty read models and replay the log into them',
  },
  deadlines: {
    run: deadlinesCommand,
    help: 'deadlines --unit U [--as-of D] [--status S] [--format table|csv]   procedural deadlines',
  },
  report: {
    run: reportCommand,
    help: 'report --unit U --from D --to D [--as-known-at T] [--format table|json|csv]   the official statistics; with --form 01|02|04|05 [--format json|csv|html|xlsx] [--out FILE] a report form (docs/reports.md)',
  },
  bench: {
    run: benchCommand,
    help: "bench [--events N] [--cases N] [--commands N] [--scale-cases N] [--scale-dir DIR] [--desk-cases N]   measure this machine (the scale part also times the nation's report forms, JSON and .xlsx)",
  },
  'bench-scale': {
    run: async (a, c) => (await import('./commands/bench-scale')).benchScaleCommand(a, c),
    help: 'bench-scale --dir DIR [--cases 1000000]   only the scale part of bench, on a kept directory (a second run reuses its import)',
  },
  'bench-forms': {
    run: benchFormsCommand,
    help: "bench-forms [--runs N]   time to build the nation's report forms (01, 02 by province; 05 by agency and enforcer) as JSON and .xlsx",
  },
  'bench-desk': {
    run: async (a, c) => (await import('./commands/bench-desk')).benchDeskCommand(a, c),
    help: "bench-desk [--cases 1000000]   the web console's desk: page and search latency, first visit JavaScript, first render in Chromium",
  },
  'bench-outlook': {
    run: async (a, c) => (await import('./commands/bench-outlook')).benchOutlookCommand(a, c),
    help: "bench-outlook [--runs N] [--districts N] [--no-backtest]   the year's outlook backtested on the history as it stands, and watch list / outlook latency",
  },
  'bench-deadlines': {
    run: async (a, c) => (await import('./commands/bench-deadlines')).benchDeadlinesCommand(a, c),
    help: 'bench-deadlines [--runs N]   the inspection board (province, nation) and the first render of /thong-ke and /thoi-han over THADS_DATA_DIR',
  },
  'bench-reports': {
    run: benchReportsCommand,
    help: 'bench-reports [--runs N]   report latency p50/p95 (district, province, nation) over the read models as they stand',
  },
  user: {
    run: userCommand,
    help: 'user add --id ID --name NAME --role ROLE --unit UNIT [--password P]   a local user (password from stdin when absent); user list',
  },
  // Audit commands load on demand (the table is their one registration point).
  verify: {
    run: async (a, c) => (await import('./commands/verify')).verifyCommand(a, c),
    help: 'verify --stream S | --all [--workers N]   recompute the hash chain; exit 1 at the first broken link',
  },
  anchor: {
    run: async (a, c) => (await import('./commands/anchor')).anchorCommand(a, c),
    help: "anchor [--show]   sign the log's head now (anchor file and key kept apart from the database); --show: public key and latest anchor",
  },
  reorganise: {
    run: async (a, c) => (await import('./commands/reorganise')).reorganiseCommand(a, c),
    help: 'reorganise FILE.json|FILE.csv [--dry-run] [--on D --level L --parent P]   merge, split, rename or close units; open cases follow (docs/reorganisation.md)',
  },
  case: {
    run: async (a, c) => (await import('./commands/case')).caseCommand(a, c),
    help: 'case <id> [--as-of D] [--as-known-at T]   a case timeline for auditors',
  },
};

const usage = () =>
  `thads <command>\n\n${Object.values(COMMANDS)
    .map((c) => `  ${c.help}`)
    .join('\n')}\n\nEnvironment: THADS_DATA_DIR (./data), THADS_EVENT_STORE, THADS_READ_STORE\n`;

// A reader that went away (`thads export | head -1`) ends the output; it is not a failure of the
// command, and no stack trace belongs on the terminal.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

const main = async (): Promise<number> => {
  const args = parseArgs(process.argv.slice(2));
  const command = COMMANDS[args.command];
  if (!command) {
    // Asked for, the usage is the answer (stdout, so `thads --help | less` works); otherwise a complaint.
    const asked = ['help', '--help', '-h'].includes(args.command);
    (asked ? process.stdout : process.stderr).write(usage());
    return asked ? 0 : 2;
  }
  // `thads import --help`: the command's usage on stdout, before any store is opened or created.
  if (args.flags.help !== undefined || args.positional.includes('-h')) {
    process.stdout.write(`thads ${command.help}\n`);
    return 0;
  }
  const ctx = await openCliContext();
  try {
    return await command.run(args, ctx);
  } finally {
    await ctx.store.close();
  }
};

/**
 * Exit once everything written has left the process. A pipe is asynchronous: process.exit()
 * right after a large write cut `thads export | wc -c` at 65,536 bytes. An empty write's
 * callback runs after every earlier chunk is flushed (or the reader has gone: EPIPE).
 */
const exitAfterOutput = (code: number): void => {
  process.exitCode = code;
  let pending = 2;
  const flushed = () => {
    if (--pending === 0) process.exit(code);
  };
  for (const stream of [process.stdout, process.stderr]) {
    // A reader that went away (`| head`) is not an error of the command.
    stream.on('error', () => undefined);
    if (stream.destroyed || !stream.writable) flushed();
    else stream.write('', flushed);
  }
};

main().then(
  (code) => exitAfterOutput(code),
  (error) => {
    // A refused configuration names its variables (environment-schema.ts): no stack trace.
    const plain = error instanceof UsageError || error instanceof ConfigurationRejected;
    process.stderr.write(
      `${plain ? `${error instanceof ConfigurationRejected ? 'thads: ' : ''}${error.message}` : (error?.stack ?? error)}\n`,
    );
    exitAfterOutput(error instanceof UsageError ? 2 : 1);
  },
);
