import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';

export const VALIDATION_OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true } as const;

/** Flattens class-validator's tree into "path: message" lines for a problem+json `errors`. */
export const flattenErrors = (errors: ValidationError[], prefix = ''): string[] =>
  errors.flatMap((e) => [
    ...Object.values(e.constraints ?? {}).map((m) => `${prefix}${m.startsWith(e.property) ? '' : `${e.property}: `}${m}`),
    ...flattenErrors(e.children ?? [], `${prefix}${e.property}.`),
  ]);

/** Validates a plain object as the API would; used where there is no HTTP pipe (bulk import). */
export const validateRequest = <T extends object>(cls: new () => T, plain: unknown): { value?: T; errors: string[] } => {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) return { errors: ['body must be a JSON object'] };
  const value = plainToInstance(cls, plain);
  const errors = flattenErrors(validateSync(value, VALIDATION_OPTIONS));
  return errors.length ? { errors } : { value, errors };
};
