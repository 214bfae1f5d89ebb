import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { isLocalDate, isVndString, localDateProblem } from '@thads/domain';

const simple =
  (
    name: string,
    test: (value: unknown, args: ValidationArguments) => boolean,
    message: (args: ValidationArguments) => string,
  ) =>
  (options?: ValidationOptions) =>
  (target: object, propertyName: string) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName,
      options,
      validator: { validate: test, defaultMessage: message },
    });

/** A calendar date written YYYY-MM-DD that exists (no 2025-02-30). */
export const IsLocalDate = simple(
  'isLocalDate',
  (v) => isLocalDate(v),
  (a) => localDateProblem(a.property, a.value)!,
);

/** Whole đồng as a decimal string: "228188311000" (docs/architecture.md §3). */
export const IsVnd = simple(
  'isVnd',
  (v) => isVndString(v),
  (a) => `${a.property} must be a whole number of đồng as a decimal string of at most 18 digits, e.g. "228188311000"`,
);

/** A positive amount of đồng. */
export const IsPositiveVnd = simple(
  'isPositiveVnd',
  (v) => isVndString(v) && v !== '0',
  (a) => `${a.property} must be a positive whole number of đồng as a decimal string of at most 18 digits`,
);

/** A stream revision a client may name: far beyond any stream's length, and exact in every store and in JSON. */
export const MAX_REVISION = 1_000_000_000;

/** Identifiers travel in URLs and stream names: keep them to a safe alphabet. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
