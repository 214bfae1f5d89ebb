import { openReadStore } from '@thads/projections';
import { LocalUsers, LocalUser, UserError } from '@thads/application';
import { Args, flag, UsageError } from '../args';
import { CliContext } from '../context';
import { readPassword } from '../read-password';

const required = (args: Args, name: string): string => {
  const value = flag(args, name);
  if (value === undefined) throw new UsageError(`user add needs --${name}`);
  return value;
};

/**
 * `thads user add --id ID --name NAME --role ROLE --unit UNIT [--password P]` (the password from
 * standard input when --password is absent) and `thads user list`: the embedded mode's local
 * users, in the read store. Production identities come from the OIDC issuer instead.
 */
export const userCommand = async (
  args: Args,
  ctx: CliContext,
  input: NodeJS.ReadableStream = process.stdin,
): Promise<number> => {
  const [sub] = args.positional;
  if (sub !== 'add' && sub !== 'list')
    throw new UsageError('thads user add --id ID --name NAME --role ROLE --unit UNIT [--password P] | thads user list');
  const db = openReadStore(ctx.config.readStore);
  try {
    const users = new LocalUsers(db);
    if (sub === 'list') {
      for (const user of await users.list()) ctx.out.write(`${JSON.stringify(user)}\n`);
      return 0;
    }
    const user = {
      id: required(args, 'id'),
      name: required(args, 'name'),
      role: required(args, 'role'),
      unitId: required(args, 'unit'),
    } as LocalUser;
    // A typo in the unit would give a user who can see nothing; only an admin may come before the
    // units (to register the first one, as their own unit).
    if (!(await ctx.units.find(user.unitId))) {
      if (user.role !== 'admin') throw new UsageError(`unit ${user.unitId} is not registered`);
      ctx.err.write(`note: unit ${user.unitId} is not registered yet; this admin may register it\n`);
    }
    const password = flag(args, 'password') ?? (await readPassword(input, ctx.err));
    await users.add(user, password, ctx.clock.now());
    ctx.out.write(`${JSON.stringify({ added: user })}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UserError) throw new UsageError(error.message);
    throw error;
  } finally {
    await db.close();
  }
};
