import { Clock } from '@thads/application';
import { LoginRateLimiter, RateLimited } from './login-rate-limiter';

const clockAt = (t = { ms: Date.parse('2026-11-22T03:00:00Z') }): Clock & { t: typeof t } => ({
  t,
  now: () => new Date(t.ms),
});

const refusal = (attempt: () => void): RateLimited | undefined => {
  try {
    attempt();
    return undefined;
  } catch (e) {
    if (e instanceof RateLimited) return e;
    throw e;
  }
};

describe('login rate limit', () => {
  it('allows 10 attempts a minute per id and address, then 429 with the seconds to wait', () => {
    const clock = clockAt();
    const limiter = new LoginRateLimiter(clock);
    for (let i = 0; i < 10; i++) limiter.hit('chv-1', '10.0.0.1');
    expect(refusal(() => limiter.hit('chv-1', '10.0.0.1'))?.retryAfterSeconds).toBe(60);
    expect(() => limiter.hit('CHV-1', '10.0.0.1')).toThrow(RateLimited);
    expect(() => limiter.hit('chv-1', '10.0.0.2')).not.toThrow();
    expect(() => limiter.hit('chv-2', '10.0.0.1')).not.toThrow();
    clock.t.ms += 60_001;
    expect(() => limiter.hit('chv-1', '10.0.0.1')).not.toThrow();
  });

  it('caps one address at 30 attempts a minute over every id (one password sprayed across ids)', () => {
    const clock = clockAt();
    const limiter = new LoginRateLimiter(clock);
    for (let i = 0; i < 30; i++) limiter.hit(`chv-${i}`, '10.0.0.9');
    const refused = refusal(() => limiter.hit('chv-99', '10.0.0.9'));
    expect([refused?.retryAfterSeconds, refused?.message]).toEqual([60, expect.stringContaining('from this address')]);
    expect(() => limiter.hit('chv-99', '10.0.0.10')).not.toThrow();
    clock.t.ms += 60_001;
    expect(() => limiter.hit('chv-99', '10.0.0.9')).not.toThrow();
  });

  it('locks an id at one address after 5 failures in a row, doubling the lock, and never at another address', () => {
    const clock = clockAt();
    const limiter = new LoginRateLimiter(clock);
    const fail = (address = '10.0.0.1') => {
      limiter.hit('chv-1', address);
      limiter.failed('chv-1', address);
    };
    for (let i = 0; i < 4; i++) fail();
    expect(() => limiter.hit('chv-1', '10.0.0.1')).not.toThrow();
    limiter.failed('chv-1', '10.0.0.1');
    expect(refusal(() => limiter.hit('chv-1', '10.0.0.1'))?.retryAfterSeconds).toBe(30);
    // The owner of the id, elsewhere (or behind another address), is not locked out.
    expect(() => limiter.hit('chv-1', '10.0.0.2')).not.toThrow();
    clock.t.ms += 30_001;
    fail();
    expect(refusal(() => limiter.hit('chv-1', '10.0.0.1'))?.retryAfterSeconds).toBe(60);
    clock.t.ms += 60_001;
    fail();
    expect(refusal(() => limiter.hit('chv-1', '10.0.0.1'))?.retryAfterSeconds).toBe(120);
    for (let i = 0; i < 10; i++) {
      clock.t.ms += 16 * 60_000;
      fail();
    }
    expect(refusal(() => limiter.hit('chv-1', '10.0.0.1'))?.retryAfterSeconds).toBe(15 * 60);
  });

  it('clears the failures of an id at an address on a success', () => {
    const clock = clockAt();
    const limiter = new LoginRateLimiter(clock);
    for (let i = 0; i < 4; i++) limiter.failed('chv-1', '10.0.0.1');
    limiter.succeeded('chv-1', '10.0.0.1');
    limiter.failed('chv-1', '10.0.0.1');
    expect(() => limiter.hit('chv-1', '10.0.0.1')).not.toThrow();
  });
});
