import { CaseNotFound, caseStream, isLocalDate, localDateProblem, unrealDayProblem } from '@thads/domain';
import { collect, EventStore } from '@thads/event-store';
import { endOfLocalDay } from '../clock';
import { StreamVerification, verifyEvents } from '../integrity/verify-log';
import { buildCaseHistory, CaseHistory, DeadlinesFor, HistoryQuery } from './case-history';

// An instant with its offset, as `recordedAt` is written: 2025-06-01T00:00:00Z, …+07:00, …:00.000Z.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const instantOf = (text: string): Date | undefined => {
  const day = text.slice(0, 10);
  if (isLocalDate(text)) return endOfLocalDay(text);
  // The day must exist: Date would roll 2025-02-30T… over into March.
  if (!INSTANT.test(text) || !isLocalDate(day)) return undefined;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
};

/**
 * `asOf` and `asKnownAt` from a request, or the reasons they are refused. A bare date for
 * `asKnownAt` means the end of that local day, as `asOf` does; an instant must state its offset,
 * since a time without one would be read in whatever zone the server runs in.
 */
export const parseHistoryQuery = (raw: {
  asOf?: string;
  asKnownAt?: string;
}): { query: HistoryQuery; errors: string[] } => {
  const errors: string[] = [];
  const query: HistoryQuery = {};
  if (raw.asOf !== undefined) {
    const problem = localDateProblem('asOf', raw.asOf);
    if (problem) errors.push(problem);
    else query.asOf = raw.asOf;
  }
  if (raw.asKnownAt !== undefined) {
    const instant = instantOf(raw.asKnownAt);
    if (instant) query.asKnownAt = instant;
    else
      errors.push(
        unrealDayProblem('asKnownAt', raw.asKnownAt) ??
          'asKnownAt must be an ISO 8601 instant with its offset (2025-06-01T09:00:00+07:00) or a date YYYY-MM-DD',
      );
  }
  return { query, errors };
};

/**
 * Reads the case stream (paged by the store) and builds its history; 404 for a case never
 * received. `verify` checks the hash chain of the very events the history was built from.
 */
export const readCaseHistory = async (
  store: EventStore,
  caseId: string,
  query: HistoryQuery,
  context: { today: string; deadlinesFor?: DeadlinesFor },
): Promise<{ history: CaseHistory; verify: () => StreamVerification }> => {
  const streamId = caseStream(caseId);
  const recorded = await collect(store.readStream(streamId));
  if (recorded.length === 0) throw new CaseNotFound(caseId);
  return {
    history: buildCaseHistory(caseId, recorded, query, context),
    verify: () => verifyEvents(streamId, recorded),
  };
};
