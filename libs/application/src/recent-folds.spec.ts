import { RecentFolds } from './recent-folds';

describe('RecentFolds', () => {
  it('keeps at least the last `limit` cases used, and at most twice as many', () => {
    const folds = new RecentFolds<number>(3);
    for (let i = 0; i < 10; i++) {
      folds.set(`c${i}`, i);
      expect(folds.size).toBeLessThanOrEqual(6);
      for (let j = Math.max(0, i - 2); j <= i; j++) expect(folds.get(`c${j}`)).toBe(j);
    }
    expect(folds.get('c0')).toBeUndefined();
  });

  it('keeps a case read from the old generation, which the next turn would have dropped', () => {
    const folds = new RecentFolds<string>(2);
    folds.set('a', 'A');
    folds.set('b', 'B'); // young full: a and b are now the old generation
    expect(folds.get('a')).toBe('A'); // back to the young one
    folds.set('c', 'C'); // young full again: b is dropped, a and c kept
    expect(folds.get('b')).toBeUndefined();
    expect(folds.get('a')).toBe('A');
    expect(folds.get('c')).toBe('C');
  });

  it('forgets a case on delete and everything on clear', () => {
    const folds = new RecentFolds<number>(2);
    folds.set('a', 1);
    folds.set('b', 2);
    folds.set('c', 3);
    folds.delete('a');
    expect(folds.get('a')).toBeUndefined();
    expect(folds.get('c')).toBe(3);
    folds.clear();
    expect(folds.size).toBe(0);
    expect(folds.get('c')).toBeUndefined();
  });
});
