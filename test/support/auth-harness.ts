import request from 'supertest';
import { Actor, entrustedCaseIdOf, EventMetadata } from '@thads/domain';
import { collect, EventStore } from '@thads/event-store';
import { LocalUsers } from '@thads/application';
import { Harness, startApp, UNITS } from './app-harness';

export const PASSWORD = 'một mật khẩu đủ dài 2026';

export type TestUser = Actor & { role: Exclude<Actor['role'], 'system'> };

/** The app with tokens only: X-Actor-* headers are not believed (THADS_DEV_ACTOR=0). */
export const startAuthApp = (env: NodeJS.ProcessEnv = {}) => startApp({ env: { THADS_DEV_ACTOR: '0', ...env } });

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * Users, their tokens, and a ledger of what each authenticated write appended, so a test can
 * prove that every event in the store carries the actor whose token wrote it.
 */
export class AuthSession {
  private readonly tokens = new Map<string, string>();
  private readonly users = new Map<string, TestUser>();
  /** `${streamId}@${revision}` → the actor that appended it. */
  readonly appended = new Map<string, Actor>();

  constructor(readonly h: Harness) {}

  async add(...users: TestUser[]): Promise<void> {
    for (const user of users) {
      await this.h.app
        .get(LocalUsers)
        .add(
          { id: user.id, name: `Người dùng ${user.id}`, role: user.role, unitId: user.unitId },
          PASSWORD,
          this.h.clock.now(),
        );
      this.users.set(user.id, user);
    }
  }

  async token(id: string): Promise<string> {
    let token = this.tokens.get(id);
    if (!token) {
      token = (await this.h.http.post('/api/auth/login').send({ id, password: PASSWORD }).expect(200)).body
        .token as string;
      this.tokens.set(id, token);
    }
    return token;
  }

  forgetTokens(): void {
    this.tokens.clear();
  }

  async get(id: string, url: string): Promise<request.Response> {
    return this.h.http.get(url).set(bearer(await this.token(id)));
  }

  /** A write as this user; a success is entered in the ledger with the user's actor. */
  async post(id: string, url: string, body: object, method: 'post' | 'put' = 'post'): Promise<request.Response> {
    const res = await this.h.http[method](url)
      .set(bearer(await this.token(id)))
      .send(body);
    if (res.status < 300 && typeof res.body.revision === 'number') {
      const { caseId, unitId, year } = res.body;
      const stream = caseId ? `case-${caseId}` : year ? `targets-${unitId}-${year}` : `unit-${unitId}`;
      const user = this.users.get(id)!;
      this.appended.set(`${stream}@${res.body.revision}`, { id: user.id, role: user.role, unitId: user.unitId });
      // An entrustment also writes the receiving unit's case, by the same actor (Luật THADS Điều 55–57).
      if (caseId && (body as { step?: string }).step === 'entrust') {
        this.appended.set(`case-${entrustedCaseIdOf(caseId)}@0`, { id: user.id, role: user.role, unitId: user.unitId });
      }
    }
    return res;
  }

  async registerUnits(adminId: string, units: ReadonlyArray<object> = UNITS): Promise<void> {
    for (const unit of units) expectStatus(await this.post(adminId, '/api/units', unit), 201);
  }

  async streamLength(caseId: string): Promise<number> {
    return (await collect(this.h.app.get(EventStore).readStream(`case-${caseId}`))).length;
  }

  /** Every event in the store, against the ledger: each one written by a known token, carrying its actor. */
  async everyEventCarriesItsAuthor(): Promise<number> {
    let count = 0;
    for await (const e of this.h.app.get(EventStore).readAll()) {
      const actor = (e.metadata as unknown as EventMetadata).actor;
      expect({ event: `${e.streamId}@${e.revision}`, actor }).toEqual({
        event: `${e.streamId}@${e.revision}`,
        actor: this.appended.get(`${e.streamId}@${e.revision}`),
      });
      count++;
    }
    expect(count).toBe(this.appended.size);
    return count;
  }
}

export const expectStatus = (res: request.Response, status: number) => {
  expect({ status: res.status, body: res.status === status ? undefined : res.body }).toEqual({
    status,
    body: undefined,
  });
  return res;
};

export { startApp };
