import type Database from 'better-sqlite3';
import { stmt } from '../runtime/statements';

/**
 * When a case's step became known: its `recordedAt`, or later if an earlier step of the same
 * case was recorded later still (imports of old records can carry any entry time). A report
 * "as known at T" then always sees a prefix of each case's history, never a step without the
 * steps it followed, so every case stands in one class at a time.
 */
export const knownAtOf = (db: Database.Database, caseId: string, recordedAt: string): string => {
  const previous = stmt(db, 'SELECT known_at FROM statistics_case_clock WHERE case_id = ?').pluck().get(caseId) as string | undefined;
  if (previous !== undefined && previous >= recordedAt) return previous;
  stmt(db, 'INSERT OR REPLACE INTO statistics_case_clock (case_id, known_at) VALUES (?, ?)').run(caseId, recordedAt);
  return recordedAt;
};
