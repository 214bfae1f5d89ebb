import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, JWTPayload, SignJWT } from 'jose';

type KeyLike = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

/**
 * A tiny OpenID Connect issuer on 127.0.0.1: a discovery document and a JWKS with one RS256
 * key, and a way to mint tokens signed by it (or, for refusals, by a key it never published).
 */
export class TestIssuer {
  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly key: KeyLike,
    private readonly kid: string,
  ) {}

  static async start(): Promise<TestIssuer> {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    let base = '';
    const server = createServer((req, res) => {
      const body =
        req.url === '/.well-known/openid-configuration'
          ? { issuer: base, jwks_uri: `${base}/jwks` }
          : req.url === '/jwks'
            ? { keys: [jwk] }
            : undefined;
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? {}));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return new TestIssuer(server, base, privateKey, 'k1');
  }

  async mint(
    claims: JWTPayload,
    o: { now: Date; audience?: string; issuer?: string; seconds?: number; key?: KeyLike } = { now: new Date() },
  ): Promise<string> {
    const now = Math.floor(o.now.getTime() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: this.kid })
      .setIssuer(o.issuer ?? this.url)
      .setAudience(o.audience ?? 'thads-api')
      .setIssuedAt(now)
      .setExpirationTime(now + (o.seconds ?? 600))
      .sign(o.key ?? this.key);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
