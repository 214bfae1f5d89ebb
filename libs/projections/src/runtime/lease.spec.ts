import Database from 'better-sqlite3';
import { Lease } from './lease';

describe('projector lease', () => {
  const lease = () => new Lease(new Database(':memory:'), 'projector', 10_000);

  it('is held by one projector at a time; the other waits', () => {
    const l = lease();
    expect(l.acquire('a', 0)).toBe(true);
    expect(l.acquire('b', 1_000)).toBe(false);
    expect(l.acquire('a', 5_000)).toBe(true);
    expect(l.acquire('b', 12_000)).toBe(false);
  });

  it('passes to the waiting projector once the holder stops renewing', () => {
    const l = lease();
    l.acquire('a', 0);
    expect(l.acquire('b', 10_001)).toBe(true);
    expect(l.acquire('a', 10_002)).toBe(false);
  });

  it('is free again at once when released', () => {
    const l = lease();
    l.acquire('a', 0);
    l.release('a');
    expect(l.acquire('b', 1)).toBe(true);
  });
});
