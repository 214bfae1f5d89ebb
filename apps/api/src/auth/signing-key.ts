import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SIGNING_KEY_FILE = 'jwt-signing.key';

/**
 * The HS256 key for local tokens: made on first start under the data directory (which is
 * git-ignored), readable by the owner only; never from the repository. `wx` makes two processes
 * starting together agree on one key.
 */
export const loadOrCreateSigningKey = (dataDir: string): Uint8Array => {
  const file = join(dataDir, SIGNING_KEY_FILE);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, randomBytes(64).toString('base64url'), { mode: 0o600, flag: 'wx' });
    new Logger('Auth').log(`created the token signing key ${file} (mode 0600)`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) {
    new Logger('Auth').warn(`${file} is readable by others than its owner: chmod 600 it`);
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
  if (key.length < 32) throw new Error(`${file} holds fewer than 256 bits: delete it to have a new one made`);
  return new Uint8Array(key);
};
