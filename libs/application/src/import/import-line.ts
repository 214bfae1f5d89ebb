import { randomUUID, createHash } from 'node:crypto';
import { Actor, ROLES } from '@thads/domain';
import { CreateCaseRequest } from '../requests/create-case-request';
import { StepRequest } from '../requests/step-request';
import { toReceiveCommand, toStepCommand, CaseCommand } from '../requests/to-command';
import { UnitRequest } from '../requests/unit-request';
import { validateRequest } from '../requests/validate';
import { ID_PATTERN } from '../requests/validators';

/** One parsed line of a bulk import (ARCHITECTURE.md §6 "Bulk import"). */
export type ImportLine =
  | { kind: 'unit'; unit: UnitRequest; actor?: Actor; recordedAt?: Date }
  | { kind: 'case'; command: CaseCommand; actor?: Actor; recordedAt?: Date; expectedRevision?: number; idempotencyKey: string };

export class ImportLineError extends Error {
  constructor(readonly code: string, detail: string) {
    super(detail);
  }
}

export const parseImportLine = (text: string, lineNo: number, now: Date): ImportLine => {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ImportLineError('validation', 'not valid JSON');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ImportLineError('validation', 'a line must be a JSON object');
  const { actor, recordedAt, caseId, step, unit, ...body } = raw;
  const common = { actor: actor === undefined ? undefined : parseActor(actor), recordedAt: parseRecordedAt(recordedAt, now) };
  if (unit !== undefined) {
    const { value, errors } = validateRequest(UnitRequest, unit);
    if (!value) throw new ImportLineError('validation', errors.join('; '));
    return { kind: 'unit', unit: value, ...common };
  }
  if (typeof caseId !== 'string' || !ID_PATTERN.test(caseId)) throw new ImportLineError('validation', 'caseId is required');
  // The line's content and number name it: importing the same file twice cannot append twice.
  const idempotencyKey = `import:${createHash('sha256').update(text).digest('hex').slice(0, 32)}:${lineNo}`;
  if (step === 'receive') {
    const { value, errors } = validateRequest(CreateCaseRequest, body);
    if (!value) throw new ImportLineError('validation', errors.join('; '));
    return { kind: 'case', command: toReceiveCommand(caseId, value), idempotencyKey, ...common };
  }
  const { value, errors } = validateRequest(StepRequest, { step, ...body }, { flat: true });
  if (!value) throw new ImportLineError('validation', errors.join('; '));
  return { kind: 'case', command: toStepCommand(caseId, value), expectedRevision: value.expectedRevision, idempotencyKey, ...common };
};

const parseActor = (actor: unknown): Actor => {
  const a = actor as Partial<Actor>;
  if (typeof a !== 'object' || !a || typeof a.id !== 'string' || typeof a.unitId !== 'string' || !ROLES.includes(a.role as Actor['role'])) {
    throw new ImportLineError('validation', `actor must be { id, role (${ROLES.join('|')}), unitId }`);
  }
  return { id: a.id, role: a.role as Actor['role'], unitId: a.unitId };
};

/** For migrating records whose entry time is known; never in the future. */
const parseRecordedAt = (value: unknown, now: Date): Date | undefined => {
  if (value === undefined) return undefined;
  const at = typeof value === 'string' ? new Date(value) : new Date(NaN);
  if (Number.isNaN(at.getTime())) throw new ImportLineError('validation', 'recordedAt must be an ISO instant');
  if (at > now) throw new ImportLineError('validation', 'recordedAt may not be in the future');
  return at;
};

export const newCommandId = () => randomUUID();
