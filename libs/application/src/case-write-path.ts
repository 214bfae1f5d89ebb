import { CaseCommand, caseStream, CaseStateName, STEP_EVENT } from '@thads/domain';
import { collect, EventStore, RecordedEvent, WrongExpectedRevision } from '@thads/event-store';
import { CommandContext, metadataOf } from './envelope';
import { EMPTY_FOLD, StreamFold, foldRecorded, stateNameOfFold } from './case-fold';
import { IdempotencyKeyReused, RevisionConflict } from './errors';
import { eventIdFor } from './ids';
import { KeyedQueue } from './keyed-queue';
import { prepareWrites } from './prepare-write';
import { requestHashOf } from './request-hash';
import { AccessPolicy } from './access/access-policy';
import { localDateInVietnam } from './clock';

export interface CommandResult {
  caseId: string;
  state: CaseStateName;
  revision: number;
  position: number;
  /** True when an Idempotency-Key matched an earlier command: nothing was appended. */
  replayed?: boolean;
}

/**
 * Attempts at a command that states no expected revision: one that loses a race to another
 * writer is decided again on the case as it then stands. Bounded, so a case under a storm of
 * writers still answers (409) rather than holds the request.
 */
const ATTEMPTS = 8;
/** Pause before attempt n+1: random up to min(CAP, BASE·2^n) ms, so losers do not meet again. */
const BACKOFF_BASE_MS = 5;
const BACKOFF_CAP_MS = 200;
const backoff = (attempt: number) =>
  new Promise((resolve) =>
    setTimeout(resolve, Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt)),
  );

/**
 * The one write path (docs/architecture.md §3): read the case stream, fold, decide, append with the
 * expected revision. The API and the bulk import both come through here.
 */
export class CaseWritePath {
  /** Commands on the same case from this process, one after another (keyed-queue.ts). */
  private readonly queue = new KeyedQueue();

  /** Without an access policy (the bulk import, the demo loader) every command is the system's. */
  constructor(
    private readonly store: EventStore,
    private readonly access?: AccessPolicy,
  ) {}

  /**
   * With `expectedRevision` the caller decided on that revision: another one is a 409. Without,
   * the caller wants the step taken on the case as it stands, so a race lost to another process
   * is retried here: read again, fold again, decide again.
   */
  execute(command: CaseCommand, context: CommandContext, expectedRevision?: number): Promise<CommandResult> {
    return this.queue.run(command.caseId, () => this.decideAndAppend(command, context, expectedRevision));
  }

  private async decideAndAppend(
    command: CaseCommand,
    context: CommandContext,
    expectedRevision?: number,
  ): Promise<CommandResult> {
    // The request's fingerprint goes into its events' metadata: a key used again is compared exactly.
    const keyed: CommandContext = context.idempotencyKey
      ? { ...context, requestHash: requestHashOf(command) }
      : context;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(command, keyed, expectedRevision);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision)) throw error;
        const actual = error.actual === 'no_stream' ? null : Number(error.actual);
        if (expectedRevision !== undefined || attempt >= ATTEMPTS)
          throw new RevisionConflict(command.caseId, actual, expectedRevision ?? null);
        await backoff(attempt);
      }
    }
  }

  private async attempt(
    command: CaseCommand,
    context: CommandContext,
    expectedRevision?: number,
  ): Promise<CommandResult> {
    const stream = caseStream(command.caseId);
    const recorded = await collect(this.store.readStream(stream));
    const fold = recorded.reduce(foldRecorded, EMPTY_FOLD);
    // Who may act is judged on the case as it stands, before anything, a replayed result included.
    await this.access?.assertMayExecute(context.actor, command, fold.state, localDateInVietnam(context.recordedAt));
    const replay = this.replayed(stream, recorded, command, context);
    if (replay) return replay;
    const current = fold.revision === 'no_stream' ? null : Number(fold.revision);
    if (expectedRevision !== undefined && expectedRevision !== current)
      throw new RevisionConflict(command.caseId, current, expectedRevision);
    const {
      own: { write, next },
      entrustedIn,
    } = prepareWrites(fold, command, context);
    let conflict: WrongExpectedRevision | undefined;
    try {
      // An entrustment and the receiving unit's new case land together (prepare-write.ts).
      const appended = entrustedIn
        ? (await this.store.appendMany([write, entrustedIn.write]))[0]
        : await this.store.appendToStream(write.streamId, write.events, write.expected);
      if (!appended.alreadyStored)
        return resultOf(command.caseId, next, appended.nextExpectedRevision, appended.position);
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
      conflict = error;
    }
    // Stored already, or a lost race: perhaps to the same request sent twice at once. Its result, if so.
    const again = context.idempotencyKey
      ? this.replayed(stream, await collect(this.store.readStream(stream)), command, context)
      : undefined;
    if (again) return again;
    throw conflict ?? new WrongExpectedRevision(stream, write.expected, await this.store.streamRevision(stream));
  }

  /**
   * The first result of a command repeated with the same Idempotency-Key, if there was one. The
   * key must come with the same request: its events carry the request's fingerprint, and another
   * fingerprint is a 422. Events stored before fingerprints were kept carry none: for them only
   * the step (the event type) can be compared.
   */
  private replayed(
    stream: string,
    recorded: RecordedEvent[],
    command: CaseCommand,
    context: CommandContext,
  ): CommandResult | undefined {
    if (!context.idempotencyKey) return undefined;
    const firstId = eventIdFor(stream, context.idempotencyKey, 0);
    const at = recorded.findIndex((e) => e.id === firstId);
    if (at < 0) return undefined;
    const expectedType = command.kind === 'receive' ? 'CaseReceived' : STEP_EVENT[command.step];
    if (recorded[at].type !== expectedType)
      throw new IdempotencyKeyReused(context.idempotencyKey, `${recorded[at].type}, not ${expectedType}`);
    const stored = metadataOf(recorded[at]).requestHash;
    if (stored !== undefined && stored !== context.requestHash)
      throw new IdempotencyKeyReused(context.idempotencyKey, `${recorded[at].type} with another request body`);
    const fold = recorded.slice(0, at + 1).reduce(foldRecorded, EMPTY_FOLD);
    return { ...resultOf(command.caseId, fold, recorded[at].revision, recorded[at].position), replayed: true };
  }
}

export const resultOf = (caseId: string, fold: StreamFold, revision: bigint, position: bigint): CommandResult => ({
  caseId,
  state: stateNameOfFold(fold.state)!,
  revision: Number(revision),
  position: Number(position),
});
