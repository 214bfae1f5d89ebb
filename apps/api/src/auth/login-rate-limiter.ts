import { HttpException } from '@nestjs/common';
import { Clock } from '@thads/application';

export interface LoginLimits {
  /** Attempts for one id from one address per window. */
  perIdAndAddress: number;
  /** Attempts from one address over every id per window: guessing one password across many ids. */
  perAddress: number;
  windowMs: number;
  /** Consecutive failures for one id from one address before it is locked there. */
  lockAfterFailures: number;
  /** The first lock; each further failure doubles it, up to maxLockMs. */
  firstLockMs: number;
  maxLockMs: number;
}

export const LOGIN_LIMITS: LoginLimits = {
  perIdAndAddress: 10,
  perAddress: 30,
  windowMs: 60_000,
  lockAfterFailures: 5,
  firstLockMs: 30_000,
  maxLockMs: 15 * 60_000,
};

/** 429 `auth.rate-limited`; the controller sends Retry-After with it. */
export class RateLimited extends HttpException {
  constructor(
    readonly retryAfterSeconds: number,
    why = 'too many login attempts',
  ) {
    super({ message: `${why}: try again in ${retryAfterSeconds} s`, code: 'auth.rate-limited' }, 429);
  }
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Attempt times per key within the window (in memory). */
class SlidingWindow {
  private readonly times = new Map<string, number[]>();

  /** The milliseconds until a slot frees, or undefined when there is room. */
  waitFor(key: string, now: number, limit: number, windowMs: number): number | undefined {
    const recent = (this.times.get(key) ?? []).filter((t) => t > now - windowMs);
    this.times.set(key, recent);
    return recent.length >= limit ? recent[0] + windowMs - now : undefined;
  }

  add(key: string, now: number, windowMs: number): void {
    this.times.get(key)!.push(now);
    if (this.times.size > 10_000)
      for (const [k, ts] of this.times) if (ts.every((t) => t <= now - windowMs)) this.times.delete(k);
  }
}

/**
 * Three limits on local logins, in memory (each replica counts its own), keyed by the address
 * the request came from (request.ip: behind a proxy, set THADS_TRUST_PROXY so it is the client's):
 * - 30 attempts a minute from one address over all ids (spraying one password across ids);
 * - 10 attempts a minute for one id from one address;
 * - after 5 consecutive failures for one id from one address, that pair is locked for 30 s,
 *   doubling with each further failure up to 15 min; a success clears it.
 * There is no lock on an id alone: anyone anywhere could then lock a colleague out by typing
 * wrong passwords for her id. See docs/security.md.
 */
export class LoginRateLimiter {
  private readonly perPair = new SlidingWindow();
  private readonly perAddress = new SlidingWindow();
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: LoginLimits = LOGIN_LIMITS,
  ) {}

  /** Counts an attempt, or throws RateLimited (nothing counted) when a limit or a lock holds. */
  hit(id: string, address: string): void {
    const now = this.clock.now().getTime();
    const pair = pairOf(id, address);
    const { windowMs } = this.limits;
    const lockedUntil = this.failures.get(pair)?.lockedUntil ?? 0;
    if (lockedUntil > now)
      throw new RateLimited(seconds(lockedUntil - now), 'too many failed logins for this id from this address');
    const addressWait = this.perAddress.waitFor(address, now, this.limits.perAddress, windowMs);
    if (addressWait !== undefined)
      throw new RateLimited(seconds(addressWait), 'too many login attempts from this address');
    const pairWait = this.perPair.waitFor(pair, now, this.limits.perIdAndAddress, windowMs);
    if (pairWait !== undefined) throw new RateLimited(seconds(pairWait));
    this.perAddress.add(address, now, windowMs);
    this.perPair.add(pair, now, windowMs);
  }

  /** A wrong password: the fifth in a row locks the pair, each further one doubles the lock. */
  failed(id: string, address: string): void {
    const now = this.clock.now().getTime();
    const pair = pairOf(id, address);
    const count = (this.failures.get(pair)?.count ?? 0) + 1;
    const { lockAfterFailures, firstLockMs, maxLockMs } = this.limits;
    const lockMs =
      count < lockAfterFailures ? 0 : Math.min(maxLockMs, firstLockMs * 2 ** Math.min(30, count - lockAfterFailures));
    this.failures.set(pair, { count, lockedUntil: now + lockMs });
    if (this.failures.size > 10_000)
      for (const [k, f] of this.failures) if (f.lockedUntil + maxLockMs < now) this.failures.delete(k);
  }

  succeeded(id: string, address: string): void {
    this.failures.delete(pairOf(id, address));
  }
}

const pairOf = (id: string, address: string) => `${id.toLowerCase()}\u0000${address}`;
