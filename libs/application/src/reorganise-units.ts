import {
  caseDecider,
  caseStream,
  CaseRuleViolation,
  planReorganisation,
  Reorganise,
  ReorganisationPlan,
  ReorganiseUnit,
  UnitHistory,
  versionOn,
} from '@thads/domain';
import { collect, EventStore } from '@thads/event-store';
import { EMPTY_FOLD, foldRecorded } from './case-fold';
import { CaseWritePath } from './case-write-path';
import { localDateInVietnam } from './clock';
import { CommandContext } from './envelope';
import { uuidFrom } from './ids';
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
 * Transfers decided and then committed together, in one durable transaction (the group commit
 * takes up to 1,000 appends a transaction): measured in docs/reorganisation.md §6.
 */
const TRANSFERS_AT_ONCE = 1000;

/**
 * Applies a reorganisation of units (issue 26, docs/reorganisation.md): the rules are the domain's
 * (planReorganisation and the unit decider); this file only gathers what they need. Everything it
 * writes goes through the one write path (issue 21): the unit events together, each at its
 * unit's revision (`UnitRegistry.reorganise`), then each open case's transfer on its own stream,
 * with the reorganisation's id, a thousand cases a durable transaction (`executeEach`). A dry run
 * stops before appending.
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

  /** `onProgress`: the transfers made so far and in all, after each durable transaction of them. */
  async reorganise(
    request: ReorganiseRequest,
    context: CommandContext,
    dryRun = false,
    onProgress?: (moved: number, total: number) => void,
  ): Promise<ReorganisationResult> {
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
    for (let from = 0; from < plan.transfers.length; from += TRANSFERS_AT_ONCE) {
      const chunk = plan.transfers.slice(from, from + TRANSFERS_AT_ONCE);
      const outcomes = await this.cases.executeEach(
        chunk.map((t) => ({
          command: {
            kind: 'step',
            caseId: t.caseId,
            step: 'transfer',
            on: command.on,
            today: command.today,
            data: { toUnitId: t.toUnitId, reorganisationId },
          },
          context: {
            ...context,
            idempotencyKey: `reorganisation:${reorganisationId}:${t.caseId}`,
            causationId: reorganisationId,
          },
        })),
      );
      // A case stepped meanwhile past the effective date stops the run where it is: asked again,
      // the reorganisation makes only the transfers still to make (remainingTransfers).
      const refused = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
      if (refused) throw refused.reason;
      for (const o of outcomes) if (o.status === 'fulfilled') position = Math.max(position ?? 0, o.value.position);
      onProgress?.(from + chunk.length, plan.transfers.length);
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

  /**
   * The unit events through the one write path (unit-registry.ts `reorganise`): a part for each
   * unit, a new successor's registration with its own, decided on each unit's stream and appended
   * together at the revisions read. A new successor first, as they always were.
   */
  private async appendUnitEvents(plan: ReorganisationPlan, context: CommandContext): Promise<number | undefined> {
    const fresh = new Set(plan.newUnits.map((u) => u.unitId));
    const parts: ReorganiseUnit[] = [
      ...plan.newUnits.map((registered): ReorganiseUnit => {
        const change = plan.unitEvents.find((e) => e.unitId === registered.unitId);
        if (!change) throw new Error(`a new successor ${registered.unitId} without its reorganisation`);
        return { kind: 'reorganise', change, registered };
      }),
      ...plan.unitEvents
        .filter((e) => !fresh.has(e.unitId))
        .map((change): ReorganiseUnit => ({ kind: 'reorganise', change })),
    ];
    if (parts.length === 0) return undefined;
    const results = await this.registry.reorganise(parts, context);
    return Math.max(...results.map((r) => r.position));
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
