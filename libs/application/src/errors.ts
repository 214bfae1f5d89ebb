/** Another writer appended first: the client re-reads and retries (409 case.revision-conflict). */
export class RevisionConflict extends Error {
  override readonly name = 'RevisionConflict';
  constructor(
    readonly caseId: string,
    readonly currentRevision: number | null,
    readonly expectedRevision: number | null,
  ) {
    super(`case ${caseId} is at revision ${currentRevision ?? 'none'}, not ${expectedRevision ?? 'the one read'}`);
  }
}

/** Another writer set the targets first, or the client's expected revision is not the stream's (409 targets.revision-conflict). */
export class TargetsRevisionConflict extends Error {
  override readonly name = 'TargetsRevisionConflict';
  constructor(
    readonly stream: string,
    readonly currentRevision: number | null,
    readonly expectedRevision: number | undefined,
  ) {
    super(`${stream} is at revision ${currentRevision ?? -1}, not ${expectedRevision ?? 'the one read'}`);
  }
}

/** Another statistician sent the same form for the same period meanwhile (409 report.submission-conflict). */
export class SubmissionConflict extends Error {
  override readonly name = 'SubmissionConflict';
  constructor(
    readonly stream: string,
    readonly form: string,
  ) {
    super(`${stream} was sent by someone else meanwhile; read it again (GET /api/reports/${form}/submissions)`);
  }
}

/** The Idempotency-Key was already used on this case for another request (422 idempotency.key-reused). */
export class IdempotencyKeyReused extends Error {
  override readonly name = 'IdempotencyKeyReused';
  constructor(
    readonly key: string,
    readonly first: string,
  ) {
    super(
      `Idempotency-Key ${key} was already used on this case for another request (${first}): nothing was done; a new request needs a new key`,
    );
  }
}

/** Units have their own errors in the domain (units/unit-errors.ts); this one is kept here too for its importers. */
export { UnknownUnit } from '@thads/domain';
