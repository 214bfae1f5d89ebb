import { CaseCommand, CaseEvent, CaseState } from '@thads/domain';
import { StreamFold } from './case-fold';
import { CASE_STREAMS, entrustedInOf } from './case-kind';
import { CommandContext } from './envelope';
import { prepare, Prepared } from './write/prepare';

export type PreparedWrite = Prepared<CaseState, CaseEvent>;

/**
 * The pure half of the write path for a case: decide on the folded case, wrap each event in its
 * envelope and chain its hash (write/prepare.ts, the same for every stream). Returns the write to
 * append and the fold as it will be once appended.
 */
export const prepareWrite = (fold: StreamFold, command: CaseCommand, context: CommandContext): PreparedWrite =>
  prepare(CASE_STREAMS, fold, command, context);

/**
 * The writes of one command: its case's, and for an entrustment the receiving unit's new case
 * (case-kind.ts), appended together. The bulk import batches these.
 */
export const prepareWrites = (
  fold: StreamFold,
  command: CaseCommand,
  context: CommandContext,
): { own: PreparedWrite; entrustedIn?: PreparedWrite } => {
  const own = prepareWrite(fold, command, context);
  const entrustedIn = entrustedInOf(fold, own.events, context);
  return entrustedIn ? { own, entrustedIn } : { own };
};
