import type { Translate } from '../i18n/i18n';

/** An application/problem+json answer (apps/api/src/http/problem.filter.ts). */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
  /** `validation`: one line per failed constraint, each starting with the field's path ("judgment.date must …"). */
  errors?: string[];
  /** Some refusals name their field (unit.not-found: `unitId`). */
  field?: string;
  reason?: string;
  legalBasis?: unknown;
}

export const asProblem = (value: unknown): Problem | undefined =>
  typeof value === 'object' && value !== null && ('code' in value || 'title' in value) ? (value as Problem) : undefined;

/**
 * Refusals of a rule that concern one field though the API names none: the code → the field's
 * path in the request body. A page may add its own (a step's date is `on`).
 */
export const FIELD_OF_CODE: Record<string, string> = {
  'case.step-date-in-future': 'on',
  'case.step-date-before-previous': 'on',
  'case.already-exists': 'caseId',
  'unit.not-found': 'unitId',
};

/** What the API said about one field, in the clerk's words where we know them, else the API's own. */
const clerkWords = (line: string, t: Translate): string => {
  if (/real date|YYYY-MM-DD|date/.test(line) && /must|not/.test(line)) return t('field.invalidDate');
  if (/whole number of đồng/.test(line)) return t('field.invalidAmount');
  if (/should not be empty|must be a string|is required/.test(line)) return t('field.required');
  if (/must be shorter than or equal/.test(line)) return t('field.tooLong');
  if (/must match/.test(line)) return t('field.invalidId');
  return line;
};

export interface FieldErrors {
  /** Field path ("judgment.date") → messages. */
  byField: Map<string, string[]>;
  /** What concerns no field: shown above the form. */
  general: string[];
}

/**
 * Spreads a problem over the form's fields: `errors` lines by their leading path, a rule's code
 * by FIELD_OF_CODE or the problem's `field`; the rest is general. Paths not in `knownFields` are general.
 */
export const fieldErrors = (
  problem: Problem | undefined,
  knownFields: ReadonlyArray<string>,
  t: Translate,
  extraCodes: Record<string, string> = {},
): FieldErrors => {
  const byField = new Map<string, string[]>();
  const general: string[] = [];
  const add = (field: string | undefined, message: string) => {
    if (field && knownFields.includes(field)) byField.set(field, [...(byField.get(field) ?? []), message]);
    else general.push(message);
  };
  if (!problem) return { byField, general: [t('problem.network')] };
  if (problem.errors?.length) {
    for (const line of problem.errors) {
      const path = /^([A-Za-z0-9_.]+)(?::|\s)/.exec(line)?.[1];
      add(path, clerkWords(line, t));
    }
    return { byField, general };
  }
  const field = problem.field ?? extraCodes[problem.code ?? ''] ?? FIELD_OF_CODE[problem.code ?? ''];
  // Beside its field the detail says it all; above the form the title says what kind of refusal.
  const message =
    field && knownFields.includes(field)
      ? (problem.detail ?? problem.title ?? '')
      : [problem.title, problem.detail].filter(Boolean).join(': ');
  add(field, problem.status === 403 ? `${t('problem.forbidden')}: ${problem.detail ?? ''}` : message);
  return { byField, general };
};
