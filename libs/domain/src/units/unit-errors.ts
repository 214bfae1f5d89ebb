/** Stable codes of the rules a unit command can break; the HTTP edge maps them (libs/application/src/problems.ts). */
export type UnitRule =
  | 'unit.already-exists'
  | 'unit.parent-not-found'
  | 'unit.parent-level'
  | 'unit.dates-reversed'
  | 'unit.cannot-receive-entrustment';

/** A unit command breaks a rule: 409 `unit.already-exists`, 422 for the others. */
export class UnitRuleViolation extends Error {
  override readonly name = 'UnitRuleViolation';
  constructor(
    readonly rule: UnitRule,
    readonly unitId: string,
    detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

/** A command names a unit that was never registered (422 unit.not-found, naming the field). */
export class UnknownUnit extends Error {
  override readonly name = 'UnknownUnit';
  constructor(
    readonly unitId: string,
    readonly field: string,
  ) {
    super(`unit ${unitId} (${field}) is not registered`);
  }
}

/** The unit asked for was never registered (404 unit.not-found). */
export class UnitNotFound extends Error {
  override readonly name = 'UnitNotFound';
  readonly code = 'unit.not-found';
  constructor(readonly unitId: string) {
    super(`unit ${unitId} not found`);
  }
}
