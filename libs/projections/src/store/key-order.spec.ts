import { inKeyOrder } from './key-order';

describe('inKeyOrder', () => {
  it('sorts each keyed table by its key columns, in key order, keeping every row', () => {
    const [t] = inKeyOrder([
      {
        table: 'sums',
        columns: ['n', 'scope', 'day'],
        key: ['scope', 'day'],
        rows: [
          [1, 'b', '2024-01-01'],
          [2, 'a', '2024-01-02'],
          [3, 'a', '2024-01-01'],
        ],
      },
    ]);
    expect(t.rows).toEqual([
      [3, 'a', '2024-01-01'],
      [2, 'a', '2024-01-02'],
      [1, 'b', '2024-01-01'],
    ]);
  });

  it('leaves a table without a key as it came', () => {
    const rows = [['b'], ['a']];
    expect(inKeyOrder([{ table: 'lines', columns: ['x'], rows }])[0].rows).toBe(rows);
  });
});
