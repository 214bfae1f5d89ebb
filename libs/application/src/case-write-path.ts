import { CaseCommand, caseStream, CaseStateName, STEP_EVENT } from '@thads/domain';
import { collect, EventStore, RecordedEvent, WrongExpectedRevision } from '@thads/event-store';
import { CommandContext } from './envelope';
import { EMPTY_FOLD, FoldedCase, foldRecorded, stateNameOfFold } from './case-fold';
import { IdempotencyKeyReused, RevisionConflict } from './errors';
import { eventIdFor } from './ids';
import { prepareWrites } from './prepare-write';
import { AccessPolicy } from './access/access-policy';

export interface CommandResult {
  caseId: string;
  state: CaseStateName;
  revision: number;
  position: number;
  /** True when an Idempotency-Key matched an earlier command: nothing was appended. */
  replayed?: boolean;
}

/**
 * The one write path (ARCHITECTURE.md §3): read the case stream, fold, decide, append with the
 * expected revision. The API and the bulk import both come through here.
 */
export class CaseWritePath {
  /** Without an access policy (the bulk import, the demo loader) every command is the system's. */
  constructor(private readonly store: EventStore, private readonly access?: AccessPolicy) {}

  async execute(command: CaseCommand, context: CommandContext, expectedRevision?: number): Promise<CommandResult> {
    const stream = caseStream(command.caseId);
    const recorded = await collect(this.store.readStream(stream));
    const fold = recorded.reduce(foldRecorded, EMPTY_FOLD);
    // Who may act is judged on the case as it stands, before anything, a replayed result included.
    await this.access?.assertMayExecute(context.actor, command, fold.state);
    const replay = this.replayed(stream, recorded, command, context);
    if (replay) return replay;
    const current = fold.revision === 'no_stream' ? null : Number(fold.revision);
    if (expectedRevision !== undefined && expectedRevision !== current) throw new RevisionConflict(command.caseId, current, expectedRevision);
    const { own: { write, next }, entrustedIn } = prepareWrites(fold, command, context);
    try {
      const appended = entrustedIn
        ? (await this.store.appendMany([write, entrustedIn.write]))[0]
        : await this.store.appendToStream(write.streamId, write.events, write.expected);
      return resultOf(command.caseId, next, appended.nextExpectedRevision, appended.position);
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
      if (context.idempotencyKey) {
        const again = this.replayed(stream, await collect(this.store.readStream(stream)), command, context);
        if (again) return again;
      }
      const actual = error.actual === 'no_stream' ? null : Number(error.actual);
      throw new RevisionConflict(command.caseId, actual, expectedRevision ?? current);
    }
  }

  /** The first result of a command repeated with the same Idempotency-Key, if there was one. */
  private replayed(stream: string, recorded: RecordedEvent[], command: CaseCommand, context: CommandContext): CommandResult | undefined {
    if (!context.idempotencyKey) return undefined;
    const firstId = eventIdFor(stream, context.idempotencyKey, 0);
    const at = recorded.findIndex((e) => e.id === firstId);
    if (at < 0) return undefined;
    const expectedType = command.kind === 'receive' ? 'CaseReceived' : STEP_EVENT[command.step];
    if (recorded[at].type !== expectedType) throw new IdempotencyKeyReused(context.idempotencyKey, recorded[at].type);
    const fold = recorded.slice(0, at + 1).reduce(foldRecorded, EMPTY_FOLD);
    return { ...resultOf(command.caseId, fold, recorded[at].revision, recorded[at].position), replayed: true };
  }
}

export const resultOf = (caseId: string, fold: FoldedCase, revision: bigint, position: bigint): CommandResult => ({
  caseId,
  state: stateNameOfFold(fold.state)!,
  revision: Number(revision),
  position: Number(position),
});
