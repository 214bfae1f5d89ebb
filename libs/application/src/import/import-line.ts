import { randomUUID } from 'node:crypto';
import { Actor, ROLES } from '@thads/domain';
import { sha256Hex } from '../hash-chain';
import { CreateCaseRequest } from '../requests/create-case-request';
import { quickCreateCaseRequest, quickStepRequest } from '../requests/quick-accept';
import { StepRequest } from '../requests/step-request';
import { toReceiveCommand, toStepCommand, CaseCommand } from '../requests/to-command';
import { UnitRequest } from '../requests/unit-request';
import { validateRequest } from '../requests/validate';
import { ID_PATTERN } from '../requests/validators';

/** One parsed line of a bulk import (docs/architecture.md §6 "Bulk import"). */
export type ImportLine =
  | { kind: 'unit'; unit: UnitRequest; actor?: Actor; recordedAt?: Date; idempotencyKey: string }
  | {
      kind: 'case';
      command: CaseCommand;
      actor?: Actor;
      recordedAt?: Date;
      expectedRevision?: number;
      idempotencyKey: string;
    };

export class ImportLineError extends Error {
  constructor(
    readonly code: string,
    detail: string,
  ) {
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
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new ImportLineError('validation', 'a line must be a JSON object');
  const { actor, recordedAt, caseId, step, unit } = raw;
  const common = {
    actor: actor === undefined ? undefined : parseActor(actor),
    recordedAt: parseRecordedAt(recordedAt, now),
  };
  // The line's content and number name it: importing the same file twice cannot append twice.
  const idempotencyKey = `import:${sha256Hex(text).slice(0, 32)}:${lineNo}`;
  if (unit !== undefined) return { kind: 'unit', unit: validated(UnitRequest, unit), idempotencyKey, ...common };
  if (typeof caseId !== 'string' || !ID_PATTERN.test(caseId))
    throw new ImportLineError('validation', 'caseId is required');
  if (step === 'receive') {
    const value = quickCreateCaseRequest(raw, LINE_KEYS) ?? validated(CreateCaseRequest, bodyOf(raw));
    return { kind: 'case', command: toReceiveCommand(caseId, value), idempotencyKey, ...common };
  }
  const value =
    quickStepRequest(raw, STEP_LINE_KEYS) ?? validated(StepRequest, { step, ...bodyOf(raw) }, { flat: true });
  return {
    kind: 'case',
    command: toStepCommand(caseId, value),
    expectedRevision: value.expectedRevision,
    idempotencyKey,
    ...common,
  };
};

/** The keys of a line that are not the request's: a step line keeps `step` in its request. */
const LINE_KEYS: ReadonlySet<string> = new Set(['actor', 'recordedAt', 'caseId', 'step', 'unit']);
const STEP_LINE_KEYS: ReadonlySet<string> = new Set(['actor', 'recordedAt', 'caseId', 'unit']);

const bodyOf = (raw: Record<string, unknown>): Record<string, unknown> => {
  const { actor: _a, recordedAt: _r, caseId: _c, step: _s, unit: _u, ...body } = raw;
  return body;
};

const validated = <T extends object>(cls: new () => T, plain: unknown, options?: { flat?: boolean }): T => {
  const { value, errors } = validateRequest(cls, plain, options);
  if (!value) throw new ImportLineError('validation', errors.join('; '));
  return value;
};

const parseActor = (actor: unknown): Actor => {
  const a = actor as Partial<Actor>;
  if (
    typeof a !== 'object' ||
    !a ||
    typeof a.id !== 'string' ||
    typeof a.unitId !== 'string' ||
    !ROLES.includes(a.role as Actor['role'])
  ) {
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
