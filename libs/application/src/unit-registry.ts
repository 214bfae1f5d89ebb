import {
  assertRegistrable,
  entrustmentRefusal,
  UnitCommand,
  UnitEvent,
  addDays,
  CaseRuleViolation,
  currentVersion,
  ReorganiseUnit,
  evolveUnit,
  transferRefusal,
  UnitHistory,
  UnitRegisteredData,
  UnitRuleViolation,
  UnitState,
  unitStream,
  UnknownUnit,
} from '@thads/domain';
import { EventStore, collect } from '@thads/event-store';
import { CommandContext } from './envelope';
import { UNIT_STREAMS, UnitResult } from './unit-kind';
import { StreamWritePath } from './write/stream-write-path';

/**
 * Units are streams too (`unit-<id>`), so registering one is an appended, hash-chained fact and
 * the write path can check a unit exists with a strongly consistent read. Registering goes
 * through the one write path with the unit decider (libs/domain/src/units), and so do a
 * reorganisation's unit events (`reorganise`).
 */
export class UnitRegistry {
  private readonly known = new Map<string, UnitHistory>();
  private readonly path: StreamWritePath<UnitCommand, UnitEvent, UnitState, UnitResult>;

  constructor(private readonly store: EventStore) {
    this.path = new StreamWritePath(store, {
      ...UNIT_STREAMS,
      // The registration's own rules and its parent, judged before a repeated request is answered.
      check: async (command) => {
        if (command.kind !== 'register') return command;
        const parent = command.unit.parentId ? await this.find(command.unit.parentId) : undefined;
        assertRegistrable(command.unit, parent);
        return parent ? { ...command, parent } : command;
      },
    });
  }

  /** With an idempotency key, registering again the same way answers the first result, `replayed` (nothing appended). */
  async register(unit: UnitRegisteredData, context: CommandContext): Promise<UnitResult> {
    // `on` is the clock's local date, which the write path stamps (stream-kind.ts `stamped`).
    const result = await this.path.execute({ kind: 'register', unit, on: '' }, context);
    this.known.delete(unit.unitId);
    return result;
  }

  /**
   * A reorganisation's parts, one a unit (reorganise-units.ts), appended together through the
   * one write path; this process then reads the units afresh.
   */
  async reorganise(parts: ReorganiseUnit[], context: CommandContext): Promise<UnitResult[]> {
    try {
      return await this.path.executeTogether(parts, context);
    } finally {
      this.forget(parts.map((p) => p.change.unitId));
    }
  }

  /**
   * The unit as it stands now: its registration with the latest name, level and parent, and the
   * last day it exists as `until` when a reorganisation closed it (docs/reorganisation.md).
   */
  async find(unitId: string): Promise<UnitRegisteredData | undefined> {
    const history = await this.history(unitId);
    if (!history) return undefined;
    const now = currentVersion(history);
    return {
      unitId,
      name: now.name,
      level: now.level,
      ...(now.parentId !== undefined && { parentId: now.parentId }),
      ...(history.validFrom !== undefined && { from: history.validFrom }),
      ...(history.validTo !== undefined && { until: history.validTo }),
    };
  }

  /**
   * The unit's whole history, folded from its stream (a few events). Kept in memory: this process
   * forgets a unit it reorganises (`forget`); another API replica learns of a reorganisation
   * only when restarted (docs/reorganisation.md, "Left").
   */
  async history(unitId: string): Promise<UnitHistory | undefined> {
    const cached = this.known.get(unitId);
    if (cached) return cached;
    const events = await collect(this.store.readStream(unitStream(unitId)));
    const history = events.reduce<UnitHistory | undefined>(evolveUnit, undefined);
    if (history) this.known.set(unitId, history);
    return history;
  }

  /** The revision of a unit's stream, for an append that expects it. */
  async revision(unitId: string) {
    return this.store.streamRevision(unitStream(unitId));
  }

  forget(unitIds: Iterable<string>): void {
    for (const id of unitIds) this.known.delete(id);
  }

  /** The day a unit stopped existing (its successors act from then), or undefined while it exists. */
  async closedSince(unitId: string): Promise<string | undefined> {
    const h = await this.history(unitId);
    return h?.validTo !== undefined && h.reorganisations.length > 0 ? addDays(h.validTo, 1) : undefined;
  }

  /** Where a transfer may go on `on`: a registered agency that enforces and exists that day (422 unit.cannot-receive-transfer). */
  async requireTransferee(unitId: string, on: string, field = 'toUnitId'): Promise<UnitHistory> {
    await this.require(unitId, field);
    const history = (await this.history(unitId))!;
    const refusal = transferRefusal(history, on);
    if (refusal)
      throw new CaseRuleViolation(
        history.validTo !== undefined && on > history.validTo ? 'unit.closed' : 'unit.cannot-receive-transfer',
        unitId,
        refusal,
        { field, legalBasis: 'Luật THADS Điều 35; CV 3769/BTP-TCTHADS (docs/reorganisation.md)' },
      );
    return history;
  }

  async require(unitId: string, field: string): Promise<UnitRegisteredData> {
    const unit = await this.find(unitId);
    if (!unit) throw new UnknownUnit(unitId, field);
    return unit;
  }

  /**
   * The receiving unit of an entrustment on `on`: registered (422 unit.not-found), an agency that
   * enforces and that exists that day (422 unit.cannot-receive-entrustment; Luật THADS Điều 55–57).
   */
  async requireEntrustee(unitId: string, on: string, field = 'toUnitId'): Promise<UnitRegisteredData> {
    const unit = await this.require(unitId, field);
    const refusal = entrustmentRefusal(unit, on);
    if (refusal)
      throw new UnitRuleViolation('unit.cannot-receive-entrustment', unitId, refusal, {
        field,
        legalBasis: 'Luật THADS Điều 55, 56, 57',
      });
    return unit;
  }
}
