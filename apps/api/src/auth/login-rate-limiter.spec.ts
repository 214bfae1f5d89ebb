import { Clock } from '@thads/application';
import { LoginRateLimiter, RateLimited } from './login-rate-limiter';

const clockAt = (t = { ms: Date.parse('2026-11-22T03:00:00Z') }): Clock & { t: typeof t } => ({ t, now: () => new Date(t.ms) });

describe('login rate limit', () => {
  it('allows 10 attempts a minute per id and address, then 429 with the seconds to wait', () => {
    const clock = clockAt();
    const limiter = new LoginRateLimiter(clock);
    for (let i = 0; i < 10; i++) limiter.hit('chv-1', '10.0.0.1');
    const error = (() => { try { limiter.hit('chv-1', '10.0.0.1'); } catch (e) { return e; } })();
    expect(error).toBeInstanceOf(RateLimited);
    expect((error as RateLimited).retryAfterSeconds).toBe(60);
    expect(() => limiter.hit('CHV-1', '10.0.0.1')).toThrow(RateLimited);
    expect(() => limiter.hit('chv-1', '10.0.0.2')).not.toThrow();
    expect(() => limiter.hit('chv-2', '10.0.0.1')).not.toThrow();
    clock.t.ms += 60_001;
    expect(() => limiter.hit('chv-1', '10.0.0.1')).not.toThrow();
  });
});
