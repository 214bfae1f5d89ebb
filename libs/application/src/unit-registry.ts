import {
  assertRegistrable,
  entrustmentRefusal,
  UnitCommand,
  UnitEvent,
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
 * through the one write path with the unit decider (libs/domain/src/units).
 */
export class UnitRegistry {
  private readonly known = new Map<string, UnitRegisteredData>();
  private readonly path: StreamWritePath<UnitCommand, UnitEvent, UnitState, UnitResult>;

  constructor(private readonly store: EventStore) {
    this.path = new StreamWritePath(store, {
      ...UNIT_STREAMS,
      // The registration's own rules and its parent, judged before a repeated request is answered.
      check: async (command) => {
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
    this.known.set(unit.unitId, unit);
    return result;
  }

  async find(unitId: string): Promise<UnitRegisteredData | undefined> {
    const cached = this.known.get(unitId);
    if (cached) return cached;
    const [first] = await collect(this.store.readStream(unitStream(unitId), { maxCount: 1 }));
    if (!first) return undefined;
    const unit = first.data as unknown as UnitRegisteredData;
    this.known.set(unitId, unit);
    return unit;
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
