import {
  CaseNotFound,
  CaseRuleViolation,
  SubmissionRuleViolation,
  UnitNotFound,
  UnitRuleViolation,
  UnknownUnit,
} from '@thads/domain';
import { IdempotencyKeyReused, RevisionConflict, SubmissionConflict, TargetsRevisionConflict } from './errors';
import { Forbidden } from './access/forbidden';
import { problemTitle } from './problem-catalogue';
import { UserError } from './access/local-users';
import { UserAlreadyExists, UserNotFound } from './access/user-administration';

export interface Problem {
  status: number;
  code: string;
  title: string;
  detail: string;
  extra?: Record<string, unknown>;
}

/** Case rules about what a request names (a unit, a reorganisation) rather than the case's step order. */
const UNPROCESSABLE = new Set([
  'unit.parent-not-found',
  'unit.parent-level',
  'unit.cannot-receive-transfer',
  'unit.closed',
  'reorganisation.invalid',
  'reorganisation.into-descendant',
  'reorganisation.before-unit-existed',
  'reorganisation.date-in-future',
  'reorganisation.case-unassigned',
]);

/**
 * Every refusal the write path can raise, as a stable code and an HTTP status. The API's
 * problem+json filter and the bulk import's rejection report both read it, so a code means the
 * same thing everywhere. Undefined for errors that are not the caller's fault.
 */
export const problemOf = (error: unknown): Problem | undefined => {
  if (error instanceof CaseRuleViolation) {
    const { refusal, ...rest } = error.extra;
    return {
      status: UNPROCESSABLE.has(error.rule) ? 422 : 409,
      code: error.rule,
      title: problemTitle(error.rule, UNPROCESSABLE.has(error.rule) ? 422 : 409),
      detail: error.message,
      extra: { ...rest, ...(refusal ? { reason: refusal.reason, legalBasis: refusal.legalBasis } : {}) },
    };
  }
  // A unit that exists already is a conflict; every other unit rule, a request that cannot be met.
  if (error instanceof UnitRuleViolation) {
    const status = error.rule === 'unit.already-exists' ? 409 : 422;
    return {
      status,
      code: error.rule,
      title: problemTitle(error.rule, status),
      detail: error.message,
      extra: { ...error.extra },
    };
  }
  if (error instanceof TargetsRevisionConflict)
    return {
      status: 409,
      code: 'targets.revision-conflict',
      title: problemTitle('targets.revision-conflict', 409),
      detail: error.message,
    };
  if (error instanceof SubmissionRuleViolation)
    return { status: 409, code: error.rule, title: problemTitle(error.rule, 409), detail: error.message };
  if (error instanceof SubmissionConflict)
    return {
      status: 409,
      code: 'report.submission-conflict',
      title: problemTitle('report.submission-conflict', 409),
      detail: error.message,
    };
  if (error instanceof UnitNotFound)
    return { status: 404, code: error.code, title: problemTitle(error.code, 404), detail: error.message };
  if (error instanceof CaseNotFound)
    return { status: 404, code: error.code, title: problemTitle(error.code, 404), detail: error.message };
  if (error instanceof RevisionConflict) {
    return {
      status: 409,
      code: 'case.revision-conflict',
      title: problemTitle('case.revision-conflict', 409),
      detail: error.message,
      extra: { currentRevision: error.currentRevision, expectedRevision: error.expectedRevision },
    };
  }
  if (error instanceof IdempotencyKeyReused)
    return {
      status: 422,
      code: 'idempotency.key-reused',
      title: problemTitle('idempotency.key-reused', 422),
      detail: error.message,
    };
  if (error instanceof Forbidden) {
    return {
      status: 403,
      code: 'forbidden',
      title: problemTitle('forbidden', 403),
      detail: error.message,
      extra: { who: error.who, what: error.what, why: error.why },
    };
  }
  if (error instanceof UserNotFound)
    return { status: 404, code: 'user.not-found', title: problemTitle('user.not-found', 404), detail: error.message };
  if (error instanceof UserAlreadyExists)
    return {
      status: 409,
      code: 'user.already-exists',
      title: problemTitle('user.already-exists', 409),
      detail: error.message,
    };
  if (error instanceof UserError)
    return { status: 400, code: 'validation', title: problemTitle('validation', 400), detail: error.message };
  if (error instanceof UnknownUnit)
    return {
      status: 422,
      code: 'unit.not-found',
      title: problemTitle('unit.not-found', 422),
      detail: error.message,
      extra: { field: error.field },
    };
  return undefined;
};
