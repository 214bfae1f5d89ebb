import { Readable } from 'node:stream';
import { SqliteReadStore } from '@thads/projections';
import { parseArgs, UsageError } from '../../apps/cli/src/args';
import { userCommand } from '../../apps/cli/src/commands/user';
import { LocalUsers } from '@thads/application';
import { cliContext } from './cli-harness';

// Each password is hashed with scrypt (~0.1 s): allow for a busy machine.

const context = {
  actor: { id: 'cli', role: 'system', unitId: 'vn' },
  recordedAt: new Date('2026-11-22T03:00:00Z'),
  commandId: 'c',
  correlationId: 'c',
} as const;

describe('thads user', () => {
  it('adds a local user with a salted hash, the password from --password or standard input', async () => {
    const cli = cliContext();
    try {
      await cli.ctx.units.register({ unitId: 'vn', name: 'Cục', level: 'central' }, context);
      await cli.ctx.units.register({ unitId: 'kg', name: 'Kiên Giang', level: 'province', parentId: 'vn' }, context);
      const add = (argv: string[], stdin = '') =>
        userCommand(parseArgs(['user', 'add', ...argv]), cli.ctx, Readable.from([stdin]));
      expect(
        await add([
          '--id',
          'tt-kg',
          '--name',
          'Nguyễn Văn A',
          '--role',
          'head',
          '--unit',
          'kg',
          '--password',
          'mật khẩu rất dài 1',
        ]),
      ).toBe(0);
      expect(
        await add(
          ['--id', 'chv-kg', '--name', 'Trần B', '--role', 'enforcer', '--unit', 'kg'],
          'từ đầu vào chuẩn 2\nignored\n',
        ),
      ).toBe(0);
      const db = new SqliteReadStore(cli.ctx.config.readStore);
      const users = new LocalUsers(db);
      expect(await users.verify('tt-kg', 'mật khẩu rất dài 1')).toEqual({
        id: 'tt-kg',
        name: 'Nguyễn Văn A',
        role: 'head',
        unitId: 'kg',
      });
      expect(await users.verify('chv-kg', 'từ đầu vào chuẩn 2')).toMatchObject({ role: 'enforcer' });
      expect(JSON.stringify(await db.all('SELECT * FROM users'))).not.toMatch(/mật khẩu|chuẩn 2/);
      await db.close();

      await expect(
        add(['--id', 'tt-kg', '--name', 'X', '--role', 'head', '--unit', 'kg', '--password', 'mật khẩu rất dài 1']),
      ).rejects.toThrow(/already exists/);
      await expect(
        add(['--id', 'x', '--name', 'X', '--role', 'system', '--unit', 'kg', '--password', 'mật khẩu rất dài 1']),
      ).rejects.toThrow(UsageError);
      await expect(
        add(['--id', 'x', '--name', 'X', '--role', 'head', '--unit', 'nowhere', '--password', 'mật khẩu rất dài 1']),
      ).rejects.toThrow(/not registered/);
      await expect(
        add(['--id', 'x', '--name', 'X', '--role', 'head', '--unit', 'kg', '--password', 'short']),
      ).rejects.toThrow(/at least 12/);
      await expect(add(['--id', 'x', '--role', 'head', '--unit', 'kg'])).rejects.toThrow(/--name/);
      expect(
        await add([
          '--id',
          'qt-new',
          '--name',
          'Quản trị',
          '--role',
          'admin',
          '--unit',
          'new-root',
          '--password',
          'mật khẩu rất dài 3',
        ]),
      ).toBe(0);
      expect(cli.err.text()).toMatch(/unit new-root is not registered yet/);

      expect(await userCommand(parseArgs(['user', 'list']), cli.ctx)).toBe(0);
      expect(cli.out.text()).toContain('{"id":"chv-kg","name":"Trần B","role":"enforcer","unitId":"kg"}');
      expect(cli.out.text()).not.toMatch(/scrypt/);
    } finally {
      await cli.close();
    }
  });
});
