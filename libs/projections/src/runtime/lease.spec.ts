import { Lease } from './lease';
import { SqliteReadStore } from '../store/sqlite-read-store';

describe('projector lease', () => {
  const lease = () => new Lease(new SqliteReadStore(':memory:'), 'projector', 10_000);

  it('is held by one projector at a time; the other waits', async () => {
    const l = lease();
    expect(await l.acquire('a', 0)).toBe(true);
    expect(await l.acquire('b', 1_000)).toBe(false);
    expect(await l.acquire('a', 5_000)).toBe(true);
    expect(await l.acquire('b', 12_000)).toBe(false);
  });

  it('passes to the waiting projector once the holder stops renewing', async () => {
    const l = lease();
    await l.acquire('a', 0);
    expect(await l.acquire('b', 10_001)).toBe(true);
    expect(await l.acquire('a', 10_002)).toBe(false);
  });

  it('is free again at once when released', async () => {
    const l = lease();
    await l.acquire('a', 0);
    await l.release('a');
    expect(await l.acquire('b', 1)).toBe(true);
  });
});
