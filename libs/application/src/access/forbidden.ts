import { Actor } from '@thads/domain';

/**
 * The actor may not do this, here: 403 `forbidden` at the edge, logged with who, what and why.
 * Thrown before anything is appended, so a refused attempt leaves no trace in the log itself.
 */
export class Forbidden extends Error {
  override readonly name = 'Forbidden';
  constructor(readonly who: Actor, readonly what: string, readonly why: string) {
    super(`${who.id} (${who.role}, ${who.unitId}) may not ${what}: ${why}`);
  }
}
