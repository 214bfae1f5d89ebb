import { caseKindsOf, CaseReceivedData, KnownCase } from '@thads/domain';
import { Projection } from '../runtime/projection';
import { SqlValue } from '../store/read-store';
import { TableSpec } from '../store/row-writes';

/**
 * An auction or a delivery, as the watch lists read the step history: `[step, on, result?, price?]`
 * with step `a` (auction), `p` (the buyer has paid in full) or `d` (delivery to the buyer). Only the
 * cases that have one carry any.
 */
export type AssetFact = ['a', string, string, string?] | ['p', string] | ['d', string];

export const WATCH_FACTS: TableSpec = {
  table: 'watch_facts',
  columns: ['case_id', 'unit_id', 'creditor_kind', 'judgment_kind', 'steering', 'due', 'assets'],
  key: ['case_id'],
};

/** The case's auctions, buyers' payments in full and deliveries, in step order (so in date order). */
export const assetFactsOf = (c: KnownCase): AssetFact[] => {
  const facts: AssetFact[] = [];
  for (const e of c.steps) {
    if (e.type === 'AssetsAuctioned')
      facts.push(e.data.price === undefined ? ['a', e.on, e.data.result] : ['a', e.on, e.data.result, e.data.price]);
    else if (e.type === 'MoneyCollected' && e.data.buyerPaidInFull === true) facts.push(['p', e.on]);
    else if (e.type === 'AssetDelivered') facts.push(['d', e.on]);
  }
  return facts;
};

const assetsOf = (c: KnownCase): string | null => {
  const facts = assetFactsOf(c);
  return facts.length ? JSON.stringify(facts) : null;
};

const rowOf = (c: KnownCase): SqlValue[] => {
  const kinds = caseKindsOf(c.steps);
  const received = c.steps[0].data as CaseReceivedData;
  return [
    c.caseId,
    c.unitId,
    kinds.creditorKind ?? null,
    kinds.judgmentKind ?? null,
    kinds.steeringCommittee === undefined ? null : kinds.steeringCommittee ? 1 : 0,
    // The amount the judgment ordered, as received: "a case of over 20 billion" is its size, not what is left.
    received.amountDue,
    assetsOf(c),
  ];
};

/**
 * What the watch lists (docs/watchlists.md) need besides the statistics ledger: what the case is
 * about (creditor and judgment kinds, a steering committee; null when never recorded: "unknown"),
 * the amount it was received for, and its auctions and deliveries with their dates. One row a
 * case, rewritten as the case changes (a correction voiding one takes it back out).
 * State, remaining money and when conditions began come from `statistics_moves`, which is dated
 * and known-at stamped, so a list can be evaluated as of any day.
 */
export const watchFactsProjection = (): Projection => ({
  name: 'watch-facts',
  version: 1,
  tables: ['watch_facts'],
  schema: (t) => `CREATE TABLE IF NOT EXISTS watch_facts (
      case_id ${t.ordered} PRIMARY KEY, unit_id TEXT NOT NULL, creditor_kind TEXT, judgment_kind TEXT,
      steering ${t.int64}, due TEXT NOT NULL, assets TEXT);
    CREATE INDEX IF NOT EXISTS watch_facts_unit ON watch_facts (unit_id, case_id)`,
  // A row a case, as the case stands (runtime/projection.ts CaseRow).
  caseRow: { table: WATCH_FACTS, row: (folded) => rowOf(folded.after) },
});
