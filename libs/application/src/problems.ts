import { CaseNotFound, CaseRuleViolation } from '@thads/domain';
import { IdempotencyKeyReused, RevisionConflict, UnknownUnit } from './errors';
import { Forbidden } from './access/forbidden';
import { UserError } from './access/local-users';
import { UserAlreadyExists, UserNotFound } from './access/user-administration';

export interface Problem {
  status: number;
  code: string;
  title: string;
  detail: string;
  extra?: Record<string, unknown>;
}

const UNPROCESSABLE = new Set(['unit.parent-not-found', 'unit.parent-level']);

/**
 * Every refusal the write path can raise, as a stable code and an HTTP status. The API's
 * problem+json filter and the bulk import's rejection report both read it, so a code means the
 * same thing everywhere. Undefined for errors that are not the caller's fault.
 */
export const problemOf = (error: unknown): Problem | undefined => {
  if (error instanceof CaseRuleViolation) {
    const { refusal, ...rest } = error.extra;
    return {
      status: UNPROCESSABLE.has(error.rule) ? 422 : 409, code: error.rule, title: 'Bước không hợp lệ', detail: error.message,
      extra: { ...rest, ...(refusal ? { reason: refusal.reason, legalBasis: refusal.legalBasis } : {}) },
    };
  }
  if (error instanceof CaseNotFound) return { status: 404, code: error.code, title: 'Không tìm thấy', detail: error.message };
  if (error instanceof RevisionConflict) {
    return {
      status: 409, code: 'case.revision-conflict', title: 'Việc đã được cập nhật bởi người khác', detail: error.message,
      extra: { currentRevision: error.currentRevision, expectedRevision: error.expectedRevision },
    };
  }
  if (error instanceof IdempotencyKeyReused) return { status: 422, code: 'idempotency.key-reused', title: 'Idempotency-Key đã dùng', detail: error.message };
  if (error instanceof Forbidden) {
    return { status: 403, code: 'forbidden', title: 'Không có quyền', detail: error.message, extra: { who: error.who, what: error.what, why: error.why } };
  }
  if (error instanceof UserNotFound) return { status: 404, code: 'user.not-found', title: 'Không tìm thấy người dùng', detail: error.message };
  if (error instanceof UserAlreadyExists) return { status: 409, code: 'user.already-exists', title: 'Tài khoản đã tồn tại', detail: error.message };
  if (error instanceof UserError) return { status: 400, code: 'validation', title: 'Dữ liệu không hợp lệ', detail: error.message };
  if (error instanceof UnknownUnit) return { status: 422, code: 'unit.not-found', title: 'Đơn vị chưa đăng ký', detail: error.message, extra: { field: error.field } };
  return undefined;
};
