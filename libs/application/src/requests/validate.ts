import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';

export const VALIDATION_OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true } as const;

/** Flattens class-validator's tree into "path: message" lines for a problem+json `errors`. */
export const flattenErrors = (errors: ValidationError[], prefix = ''): string[] =>
  errors.flatMap((e) => [
    ...Object.values(e.constraints ?? {}).map(
      (m) => `${prefix}${m.startsWith(e.property) ? '' : `${e.property}: `}${m}`,
    ),
    ...flattenErrors(e.children ?? [], `${prefix}${e.property}.`),
  ]);

/**
 * Validates a plain object as the API would; used where there is no HTTP pipe (bulk import).
 * `flat` classes (no nested objects, like StepRequest) skip class-transformer, which costs as much
 * as the validation itself; keys that could reach the prototype are dropped either way.
 */
export const validateRequest = <T extends object>(
  cls: new () => T,
  plain: unknown,
  options: { flat?: boolean } = {},
): { value?: T; errors: string[] } => {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain))
    return { errors: ['body must be a JSON object'] };
  const value = options.flat ? assignOwn(new cls(), plain as Record<string, unknown>) : plainToInstance(cls, plain);
  const errors = flattenErrors(validateSync(value, VALIDATION_OPTIONS));
  return errors.length ? { errors } : { value, errors };
};

const assignOwn = <T extends object>(target: T, source: Record<string, unknown>): T => {
  for (const key of Object.keys(source)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    (target as Record<string, unknown>)[key] = source[key];
  }
  return target;
};
