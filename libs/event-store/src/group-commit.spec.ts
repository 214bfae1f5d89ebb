import { AppendResult, NO_STREAM, StreamWrite, WrongExpectedRevision } from './event-store';
import { GroupCommit, UnitOutcome } from './group-commit';

const write = (streamId: string): StreamWrite[] => [{ streamId, events: [], expected: NO_STREAM }];
const ok = (n: number): UnitOutcome => ({ results: [{ nextExpectedRevision: BigInt(n), position: BigInt(n) }] });

describe('group commit', () => {
  it('commits the appends of one turn of the event loop together, and answers each with its own outcome', async () => {
    const groups: string[][] = [];
    const commit = new GroupCommit((units) => {
      groups.push(units.map((u) => u[0].streamId));
      return units.map((u, i) =>
        u[0].streamId === 'bad' ? { error: new WrongExpectedRevision('bad', NO_STREAM, 0n) } : ok(i),
      );
    });
    const outcomes = await Promise.allSettled(['a', 'bad', 'c'].map((s) => commit.submit(write(s))));
    expect(groups).toEqual([['a', 'bad', 'c']]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[2] as PromiseFulfilledResult<AppendResult[]>).value[0].position).toBe(2n);
  });

  it('gathers what arrives while a commit is in flight into the next one, and answers nobody before its own commit', async () => {
    const groups: string[][] = [];
    const finish: Array<() => void> = [];
    const commit = new GroupCommit(
      (units) =>
        new Promise<UnitOutcome[]>((resolve) => {
          groups.push(units.map((u) => u[0].streamId));
          finish.push(() => resolve(units.map((_, i) => ok(i))));
        }),
    );
    const answered: string[] = [];
    const first = commit.submit(write('a')).then(() => answered.push('a'));
    await new Promise((r) => setImmediate(r));
    const later = ['b', 'c'].map((s) => commit.submit(write(s)).then(() => answered.push(s)));
    await new Promise((r) => setImmediate(r));
    expect(groups).toEqual([['a']]);
    expect(answered).toEqual([]);
    finish[0]();
    await first;
    await new Promise((r) => setImmediate(r));
    expect(groups).toEqual([['a'], ['b', 'c']]);
    expect(answered).toEqual(['a']);
    finish[1]();
    await Promise.all(later);
    expect(answered).toEqual(['a', 'b', 'c']);
  });

  it('rejects every append of a group whose transaction failed, and goes on with the next group', async () => {
    let calls = 0;
    const commit = new GroupCommit((units) => {
      if (calls++ === 0) throw new Error('disk I/O error');
      return units.map((_, i) => ok(i));
    });
    const failed = await Promise.allSettled([commit.submit(write('a')), commit.submit(write('b'))]);
    expect(failed.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    await expect(commit.submit(write('c'))).resolves.toHaveLength(1);
  });
});
