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

/** A command names a unit that was never registered (422 unit.not-found). */
export class UnknownUnit extends Error {
  override readonly name = 'UnknownUnit';
  constructor(
    readonly unitId: string,
    readonly field: string,
  ) {
    super(`unit ${unitId} (${field}) is not registered`);
  }
}
