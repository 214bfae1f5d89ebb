import { CaseCommand, CaseEvent, CaseState } from '@thads/domain';
import { EventStore } from '@thads/event-store';
import { AccessPolicy } from './access/access-policy';
import { CASE_STREAMS, caseStreamsUnder, CommandResult } from './case-kind';
import { CommandContext } from './envelope';
import { StreamWritePath } from './write/stream-write-path';

export { CommandResult, resultOf } from './case-kind';

/**
 * The write path of case commands (docs/architecture.md §3): the one write path
 * (write/stream-write-path.ts) with the case decider. The API and the bulk import both come
 * through here.
 */
export class CaseWritePath {
  private readonly path: StreamWritePath<CaseCommand, CaseEvent, CaseState, CommandResult>;

  /** Without an access policy (the bulk import, the demo loader) every command is the system's. */
  constructor(store: EventStore, access?: AccessPolicy) {
    this.path = new StreamWritePath(store, access ? caseStreamsUnder(access) : CASE_STREAMS);
  }

  /**
   * With `expectedRevision` the caller decided on that revision: another one is a 409. Without,
   * the caller wants the step taken on the case as it stands, so a race lost to another process
   * is retried: read again, fold again, decide again.
   */
  execute(command: CaseCommand, context: CommandContext, expectedRevision?: number): Promise<CommandResult> {
    return this.path.execute(command, context, expectedRevision);
  }

  /**
   * Many commands, each on its own case and on its own, committed in one durable transaction
   * (stream-write-path.ts `executeEach`): a reorganisation's transfers. Each command's outcome, in order.
   */
  executeEach(
    items: ReadonlyArray<{ command: CaseCommand; context: CommandContext }>,
  ): Promise<Array<PromiseSettledResult<CommandResult>>> {
    return this.path.executeEach(items);
  }
}
