import {
  caseDecider,
  caseStream,
  CaseRuleViolation,
  planReorganisation,
  Reorganise,
  ReorganisationPlan,
  UNIT_REGISTERED,
  UNIT_REORGANISED,
  UnitHistory,
  unitStream,
  versionOn,
} from '@thads/domain';
import { collect, EventStore, NO_STREAM, StreamWrite, WrongExpectedRevision } from '@thads/event-store';
import { EMPTY_FOLD, foldRecorded } from './case-fold';
import { CaseWritePath } from './case-write-path';
import { localDateInVietnam } from './clock';
import { CommandContext, envelope, metadataOf } from './envelope';
import { GENESIS_HASH } from './hash-chain';
import { eventIdFor, uuidFrom } from './ids';
import { UnitRegistry } from './unit-registry';

/** What the read side tells the reorganisation: the units under a unit now, and a unit's cases not yet ended. */
export interface ReorganisationReads {
  subunitsOf(unitId: string): Promise<string[]>;
  openCasesOf(unitIds: string[]): Promise<Array<{ caseId: string; unitId: string }>>;
}

export type ReorganiseRequest = Omit<Reorganise, 'today' | 'reorganisationId'> & { reorganisationId?: string };

export interface ReorganisationResult {
  reorganisationId: string;
  on: string;
  kind: Reorganise['kind'];
  dryRun: boolean;
  /** How many open cases move (or would) to a successor. */
  movedCases: number;
  /** The cases that move, by unit they leave and reach (the first 1,000). */
  transfers: ReorganisationPlan['transfers'];
  newUnits: string[];
  changedUnits: string[];
  /** Position of the last event appended, for read-your-writes (absent on a dry run). */
  position?: number;
}

const SHOWN = 1000;

/**
 * Applies a reorganisation of units (issue 26, docs/reorganisation.md): the rules are the domain's
 * (planReorganisation); this file only gathers what they need, appends the unit events at the
 * revisions read (all at once), then transfers each open case on its own stream through the write
 * path, with the reorganisation's id. A dry run stops before appending. Kept small so it can be
 * re-pointed at the generic unit command handler (issue 21).
 */
export class UnitReorganiser {
  private readonly cases: CaseWritePath;

  constructor(
    private readonly store: EventStore,
    private readonly registry: UnitRegistry,
    private readonly reads: ReorganisationReads,
  ) {
    // The transfers of a reorganisation are the admin's act on every case of the unit, not a step
    // of a case officer: no per-case access check (the admin right was checked at the edge).
    this.cases = new CaseWritePath(store);
  }

  async reorganise(request: ReorganiseRequest, context: CommandContext, dryRun = false): Promise<ReorganisationResult> {
    const reorganisationId =
      request.reorganisationId ??
      (context.idempotencyKey ? uuidFrom('reorganisation', context.idempotencyKey) : context.commandId);
    const command: Reorganise = { ...request, reorganisationId, today: localDateInVietnam(context.recordedAt) };
    const named = [...command.predecessors, ...command.successors.map((s) => s.unitId)];
    for (const p of command.predecessors) await this.registry.require(p, 'predecessors');
    const units = new Map<string, UnitHistory>();
    const load = async (id: string | undefined) => {
      if (id === undefined || units.has(id)) return;
      const h = await this.registry.history(id);
      if (h) units.set(id, h);
    };
    for (const id of named) await load(id);
    for (const s of command.successors) {
      // The chain above each successor's parent, for the no-cycle rule.
      let parent = s.parentId;
      for (let depth = 0; parent !== undefined && depth < 8; depth++) {
        await load(parent);
        const h = units.get(parent);
        parent = h ? versionOn(h, command.on).parentId : undefined;
      }
    }
    // Already recorded (a repeated request): only the transfers still to make are made.
    const already = units.get(command.predecessors[0])?.reorganisations.includes(reorganisationId) ?? false;
    const subunits = new Map<string, string[]>();
    for (const p of command.predecessors) {
      const subs = await this.reads.subunitsOf(p);
      subunits.set(p, subs);
      for (const u of subs) await load(u);
    }
    for (const target of Object.values(command.assign ?? {})) await load(target);
    const openCases = await this.reads.openCasesOf(command.predecessors);
    const facts = { units, subunitsOf: (id: string) => subunits.get(id) ?? [], openCases };
    const plan = already ? remainingTransfers(command, openCases) : planReorganisation(command, facts);
    await this.assertCasesMayMove(command, plan);
    const base = {
      reorganisationId,
      on: command.on,
      kind: command.kind,
      dryRun,
      movedCases: plan.transfers.length,
      transfers: plan.transfers.slice(0, SHOWN),
      newUnits: plan.newUnits.map((u) => u.unitId),
      changedUnits: plan.unitEvents.map((e) => e.unitId).filter((id) => !plan.newUnits.some((u) => u.unitId === id)),
    };
    if (dryRun) return base;
    let position = already ? undefined : await this.appendUnitEvents(plan, context);
    this.registry.forget(plan.unitEvents.map((e) => e.unitId));
    for (const t of plan.transfers) {
      const result = await this.cases.execute(
        {
          kind: 'step',
          caseId: t.caseId,
          step: 'transfer',
          on: command.on,
          today: command.today,
          data: { toUnitId: t.toUnitId, reorganisationId },
        },
        { ...context, idempotencyKey: `reorganisation:${reorganisationId}:${t.caseId}`, causationId: reorganisationId },
      );
      position = Math.max(position ?? 0, result.position);
    }
    return { ...base, ...(position !== undefined && { position }) };
  }

  /**
   * Every case to move must accept the transfer on the effective date: a case with a step dated
   * after it is refused up front (409 reorganisation.case-stepped-after), before anything is appended.
   */
  private async assertCasesMayMove(command: Reorganise, plan: ReorganisationPlan): Promise<void> {
    const blocked: string[] = [];
    for (const t of plan.transfers) {
      const fold = (await collect(this.store.readStream(caseStream(t.caseId)))).reduce(foldRecorded, EMPTY_FOLD);
      if (fold.state.status !== 'known') continue;
      if (fold.state.unitId === t.toUnitId) continue;
      try {
        caseDecider.decide(
          {
            kind: 'step',
            caseId: t.caseId,
            step: 'transfer',
            on: command.on,
            today: command.today,
            data: { toUnitId: t.toUnitId },
          },
          fold.state,
        );
      } catch (error) {
        if (error instanceof CaseRuleViolation && error.rule === 'case.step-date-before-previous')
          blocked.push(t.caseId);
        else if (!(error instanceof CaseRuleViolation)) throw error;
      }
    }
    if (blocked.length)
      throw new CaseRuleViolation(
        'reorganisation.case-stepped-after',
        command.reorganisationId,
        `${blocked.length} việc có bước sau ngày hiệu lực ${command.on}: ghi đợt sắp xếp trước các bước đó (${blocked.slice(0, 10).join(', ')})`,
        { field: 'on', caseIds: blocked },
      );
  }

  /** The unit events, each on its unit's stream at the revision read, all appended together. */
  private async appendUnitEvents(plan: ReorganisationPlan, context: CommandContext): Promise<number> {
    const writes: StreamWrite[] = [];
    const on = plan.unitEvents[0]?.on ?? localDateInVietnam(context.recordedAt);
    for (const unit of plan.newUnits) {
      const stream = unitStream(unit.unitId);
      const event = envelope(
        { type: UNIT_REGISTERED, data: unit, on },
        eventIdFor(stream, `${context.commandId}:registered`, 0),
        context,
        GENESIS_HASH,
      );
      writes.push({ streamId: stream, events: [event], expected: NO_STREAM });
    }
    for (const data of plan.unitEvents) {
      const stream = unitStream(data.unitId);
      const fresh = writes.find((w) => w.streamId === stream);
      const recorded = fresh ? [] : await collect(this.store.readStream(stream));
      const last = recorded[recorded.length - 1];
      const prevHash = fresh ? metadataOf(fresh.events[0] as never).hash : last ? metadataOf(last).hash : GENESIS_HASH;
      const event = envelope(
        { type: UNIT_REORGANISED, data, on: data.on },
        eventIdFor(stream, `${context.commandId}:reorganised`, 0),
        context,
        prevHash,
      );
      if (fresh) fresh.events.push(event);
      else writes.push({ streamId: stream, events: [event], expected: last ? last.revision : NO_STREAM });
    }
    try {
      const results = await this.store.appendMany(writes);
      return Math.max(...results.map((r) => Number(r.position)));
    } catch (error) {
      if (error instanceof WrongExpectedRevision)
        throw new CaseRuleViolation(
          'reorganisation.already-recorded',
          plan.unitEvents[0]?.reorganisationId ?? '',
          'một đơn vị vừa được thay đổi bởi thao tác khác; đọc lại và thử lại',
        );
      throw error;
    }
  }
}

/**
 * A reorganisation already recorded, asked again (a retry after a failure half-way): its unit
 * events stand; the cases still at the units it closed are transferred as it said.
 */
const remainingTransfers = (
  command: Reorganise,
  openCases: ReadonlyArray<{ caseId: string; unitId: string }>,
): ReorganisationPlan => {
  const successors = command.successors.map((s) => s.unitId);
  const closing = command.predecessors.filter((p) => !successors.includes(p));
  const single = successors.length === 1 ? successors[0] : undefined;
  const transfers = openCases
    .filter((k) => closing.includes(k.unitId))
    .map((k) => ({
      caseId: k.caseId,
      fromUnitId: k.unitId,
      toUnitId: command.assign?.[k.caseId] ?? command.assign?.['*'] ?? single,
    }))
    .filter((t): t is ReorganisationPlan['transfers'][number] => t.toUnitId !== undefined);
  return { newUnits: [], unitEvents: [], transfers };
};
