import { Actor } from '@thads/domain';

/**
 * The actor may not do this, here: 403 `forbidden` at the edge, logged with who, what and why.
 * Thrown before anything is appended, so a refused attempt leaves no trace in the log itself.
 */
export class Forbidden extends Error {
  override readonly name = 'Forbidden';
  /** `logged`: what the refusal log adds and the answer leaves out (the unit another case belongs to). */
  constructor(
    readonly who: Actor,
    readonly what: string,
    readonly why: string,
    readonly logged?: string,
  ) {
    super(`${who.id} (${who.role}, ${who.unitId}) may not ${what}: ${why}`);
  }
}

/**
 * Another unit's case: the answer does not name that unit (which office handles a case is itself
 * information the caller has no right to); the refusal log does.
 */
export const caseOutOfScope = (who: Actor, what: string, caseUnitId: string) =>
  new Forbidden(
    who,
    what,
    `the case is outside the scope of unit ${who.unitId}`,
    `the case belongs to unit ${caseUnitId}`,
  );
