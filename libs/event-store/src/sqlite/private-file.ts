import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Before SQLite opens `file`: its directory made owner-only (0700) when this creates it, and the
 * file itself created 0600, or narrowed to 0600 if an earlier version left it readable by others
 * (read.db holds password hashes; the log holds names and amounts). SQLite gives the -wal and
 * -shm files the main file's mode, so they follow.
 */
export const preparePrivateFile = (file: string): void => {
  if (file === ':memory:' || file === '' || file.startsWith('file:')) return;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
};
