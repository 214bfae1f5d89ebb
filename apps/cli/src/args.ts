/** `thads <command> [positional…] [--flag value | --switch]`: small enough not to need a library. */
export interface Args {
  command: string;
  positional: string[];
  flags: Record<string, string | true>;
}

export const parseArgs = (argv: string[]): Args => {
  const [command = 'help', ...rest] = argv;
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i];
    if (!token.startsWith('--')) {
      positional.push(token);
      continue;
    }
    const [name, inline] = token.slice(2).split('=', 2);
    if (inline !== undefined) flags[name] = inline;
    else if (rest[i + 1] !== undefined && !rest[i + 1].startsWith('--')) flags[name] = rest[++i];
    else flags[name] = true;
  }
  return { command, positional, flags };
};

export class UsageError extends Error {}

export const flag = (args: Args, name: string): string | undefined => {
  const v = args.flags[name];
  if (v === true) throw new UsageError(`--${name} needs a value`);
  return v;
};

export const intFlag = (args: Args, name: string, fallback: number): number => {
  const v = flag(args, name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive integer`);
  return n;
};
