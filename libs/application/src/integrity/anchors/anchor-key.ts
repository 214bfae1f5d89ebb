import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The Ed25519 key that signs the anchors. Kept in a file outside the database (by default
 * `<dataDir>/anchor-key.pem`, better on another disk or host: docs/integrity.md), so that write
 * access to the database is not enough to sign a rewritten log. A file holding only the public
 * key verifies anchors and signs none: how an auditor's copy is set up.
 */
export class AnchorKey {
  private constructor(
    readonly publicKey: KeyObject,
    private readonly privateKey: KeyObject | undefined,
  ) {}

  /** The key in the file; created (0600, its directory 0700) when there is none. */
  static loadOrCreate(file: string): AnchorKey {
    if (!existsSync(file)) {
      const { privateKey } = generateKeyPairSync('ed25519');
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      // 'wx': never overwrite a key another process has just created.
      try {
        const fd = openSync(file, 'wx', 0o600);
        try {
          writeSync(fd, privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
        } finally {
          closeSync(fd);
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    return AnchorKey.load(file)!;
  }

  /** The key in the file, private or public only; undefined when there is no file. */
  static load(file: string): AnchorKey | undefined {
    if (!existsSync(file)) return undefined;
    const pem = readFileSync(file, 'utf8');
    if (pem.includes('PRIVATE KEY')) {
      const privateKey = createPrivateKey(pem);
      return new AnchorKey(createPublicKey(privateKey), privateKey);
    }
    return new AnchorKey(createPublicKey(pem), undefined);
  }

  get canSign(): boolean {
    return this.privateKey !== undefined;
  }

  get publicKeyPem(): string {
    return this.publicKey.export({ type: 'spki', format: 'pem' }) as string;
  }

  /** `ed25519:` and the first 32 hex digits of SHA-256 over the public key (DER): short enough to print, to compare by eye. */
  get fingerprint(): string {
    return `ed25519:${createHash('sha256')
      .update(this.publicKey.export({ type: 'spki', format: 'der' }))
      .digest('hex')
      .slice(0, 32)}`;
  }

  sign(text: string): string {
    if (!this.privateKey) throw new Error('the anchor key file holds only a public key: it cannot sign anchors');
    return sign(null, Buffer.from(text), this.privateKey).toString('base64');
  }

  verify(text: string, signature: string): boolean {
    try {
      return verify(null, Buffer.from(text), this.publicKey, Buffer.from(signature, 'base64'));
    } catch {
      return false;
    }
  }
}
