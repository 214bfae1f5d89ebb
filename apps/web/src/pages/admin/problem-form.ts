import type { FormInstance } from 'antd';
import { asProblem, fieldErrors } from '../../api/problem';
import type { Translate } from '../../i18n/i18n';

/** The validation lines of these forms that api/problem.ts leaves in the API's English. */
const clerkWords = (line: string, t: Translate): string => {
  const min = /longer than or equal to (\d+) characters/.exec(line)?.[1];
  if (min) return t('field.passwordLength', { min });
  if (/percentage from 0 to 100/.test(line)) return t('field.percent');
  return line;
};

/**
 * Puts an API refusal beside the fields it concerns (api/problem.ts) and returns what concerns
 * none, for the alert above the form. `extraCodes` names the field of a rule's code.
 */
export const showProblem = (
  form: FormInstance,
  fields: ReadonlyArray<string>,
  error: unknown,
  t: Translate,
  extraCodes: Record<string, string> = {},
): string[] => {
  const spread = fieldErrors(asProblem(error), fields, t, extraCodes);
  form.setFields(
    fields.map((name) => ({ name, errors: (spread.byField.get(name) ?? []).map((m) => clerkWords(m, t)) })),
  );
  return [...(spread.byField.size ? [t('admin.formError')] : []), ...spread.general];
};
