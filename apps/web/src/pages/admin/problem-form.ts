import type { FormInstance } from 'antd';
import { asProblem, fieldErrors } from '../../api/problem';
import type { Translate } from '../../i18n/i18n';

/**
 * Puts an API refusal beside the fields it concerns (api/problem.ts) and returns what concerns
 * none, for the alert above the form. `extraCodes` names the field of a rule's code.
 */
export const showProblem = (form: FormInstance, fields: ReadonlyArray<string>, error: unknown, t: Translate, extraCodes: Record<string, string> = {}): string[] => {
  const spread = fieldErrors(asProblem(error), fields, t, extraCodes);
  form.setFields(fields.map((name) => ({ name, errors: spread.byField.get(name) ?? [] })));
  return [...(spread.byField.size ? [t('admin.formError')] : []), ...spread.general];
};
