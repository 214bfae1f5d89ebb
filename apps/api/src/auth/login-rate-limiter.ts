import { HttpException } from '@nestjs/common';
import { Clock } from '@thads/application';

export const LOGIN_ATTEMPTS = 10;
export const LOGIN_WINDOW_MS = 60_000;

/** 429 `auth.rate-limited`; the controller sends Retry-After with it. */
export class RateLimited extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super({ message: `too many login attempts: try again in ${retryAfterSeconds} s`, code: 'auth.rate-limited' }, 429);
  }
}

/**
 * At most 10 login attempts a minute for one id from one address (a sliding window, in memory:
 * each replica counts its own, which still caps guessing at 10 × replicas a minute). The key
 * includes the address so that someone guessing at a colleague's id cannot lock them out elsewhere.
 */
export class LoginRateLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(private readonly clock: Clock, private readonly limit = LOGIN_ATTEMPTS, private readonly windowMs = LOGIN_WINDOW_MS) {}

  /** Counts an attempt, or throws RateLimited when the window is full. */
  hit(id: string, address: string): void {
    const now = this.clock.now().getTime();
    const key = `${id.toLowerCase()}\u0000${address}`;
    const recent = (this.attempts.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.attempts.set(key, recent);
      throw new RateLimited(Math.max(1, Math.ceil((recent[0] + this.windowMs - now) / 1000)));
    }
    recent.push(now);
    this.attempts.set(key, recent);
    if (this.attempts.size > 10_000) this.forgetOld(now);
  }

  private forgetOld(now: number): void {
    for (const [key, times] of this.attempts) if (times.every((t) => t <= now - this.windowMs)) this.attempts.delete(key);
  }
}
