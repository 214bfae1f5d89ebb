import { canonicalJson } from './canonical-json';
import { CommandContext, envelope } from './envelope';
import { chainHash, GENESIS_HASH } from './hash-chain';

const context = (extra: Partial<CommandContext> = {}): CommandContext => ({
  actor: { id: 'chv-07', role: 'enforcer', unitId: 'kg-pq' },
  recordedAt: new Date('2025-02-03T02:00:00.000Z'),
  commandId: 'c-1',
  correlationId: 'r-1',
  ...extra,
});

describe('envelope', () => {
  it.each([
    ['without the optional fields', context()],
    ['with causation and idempotency key', context({ causationId: 'c-0', idempotencyKey: 'k-1' })],
  ])('stores canonical JSON text (keys sorted, hash in its place) and chains the hash, %s', (_name, ctx) => {
    const stored = envelope(
      { type: 'MoneyCollected', on: '2025-02-03', data: { caseId: 'pq-1', amount: '5', note: undefined } },
      'e-1',
      ctx,
      GENESIS_HASH,
    );
    expect(JSON.stringify(stored.data)).toBe(canonicalJson(stored.data));
    expect(JSON.stringify(stored.metadata)).toBe(canonicalJson(stored.metadata));
    const { hash, ...unsigned } = stored.metadata as Record<string, unknown>;
    expect(unsigned).toEqual({
      actor: ctx.actor,
      commandId: 'c-1',
      correlationId: 'r-1',
      on: '2025-02-03',
      prevHash: GENESIS_HASH,
      recordedAt: '2025-02-03T02:00:00.000Z',
      schemaVersion: 1,
      ...(ctx.causationId ? { causationId: ctx.causationId } : {}),
      ...(ctx.idempotencyKey ? { idempotencyKey: ctx.idempotencyKey } : {}),
    });
    expect(Object.values(unsigned)).not.toContain(undefined);
    expect(hash).toBe(chainHash(GENESIS_HASH, 'MoneyCollected', { caseId: 'pq-1', amount: '5' }, unsigned));
  });
});
