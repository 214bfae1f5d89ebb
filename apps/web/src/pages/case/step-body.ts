import type { Dayjs } from 'dayjs';
import { toLocalDate } from '../../format/date';
import { parseMoney } from '../../format/money';
import type { Problem } from '../../api/problem';
import type { Translate } from '../../i18n/i18n';
import { formatDate as formatDay } from '../../format/date';
import { formatMoney } from '../../format/money';
import type { CaseView, StepDescription, StepFieldDescription } from './case-types';

/** Form values: a Dayjs for a date, a string for the rest, a boolean for a check box. */
export type StepFormValues = Record<string, Dayjs | string | boolean | null | undefined>;

/** A field is shown (and sent) unless it is required only when another field holds a value it does not hold. */
export const isShown = (field: StepFieldDescription, values: StepFormValues): boolean =>
  !field.requiredWhen || values[field.requiredWhen.field] === field.requiredWhen.equals;

export const isRequired = (field: StepFieldDescription, values: StepFormValues): boolean =>
  field.required || (!!field.requiredWhen && values[field.requiredWhen.field] === field.requiredWhen.equals);

/**
 * The request body of a step (POST /api/cases/{caseId}/steps) from what the clerk typed: dates
 * as YYYY-MM-DD, money back to the API's digits (a typed "1.500.000" is "1500000"); what the
 * form cannot read is sent as typed, so that the API judges it and says why beside the field.
 */
export const stepBody = (
  description: StepDescription,
  values: StepFormValues,
  expectedRevision: number,
): Record<string, unknown> => {
  const body: Record<string, unknown> = { step: description.step, expectedRevision };
  for (const field of description.fields) {
    if (!isShown(field, values)) continue;
    const value = typeof values[field.name] === 'string' ? (values[field.name] as string).trim() : values[field.name];
    // An empty box is a field not given (a blank reason would be refused as empty, not as missing).
    if (value === undefined || value === null || value === '' || value === false) continue;
    if (field.kind === 'date') body[field.name] = toLocalDate(value as Dayjs);
    else if (field.kind === 'money') body[field.name] = parseMoney(String(value)) ?? String(value);
    else body[field.name] = value;
  }
  return body;
};

/**
 * A refusal of the lifecycle names no field, but some concern one: the guard that failed (the
 * refusal's `reason`, libs/domain/src/lifecycle/refusals.ts) → the field the clerk should change.
 */
const FIELD_OF_REFUSAL: Record<string, string> = {
  'amount-exceeds-remaining': 'amount',
  'amount-exceeds-collected': 'amount',
  'entrust-to-own-unit': 'toUnitId',
  'request-time-barred': 'limitationGround',
  'voluntary-period-running': 'immediateGround',
  'reduction-conditions-not-met': 'amount',
  'same-class': 'class',
  'auction-not-failed': 'class',
};

/** The problem with its field named where a refusal's reason points at one. */
export const withRefusalField = (problem: Problem | undefined): Problem | undefined =>
  problem && !problem.field && problem.reason && FIELD_OF_REFUSAL[problem.reason]
    ? { ...problem, field: FIELD_OF_REFUSAL[problem.reason] }
    : problem;

/**
 * The refusals a clerk meets most, in words with the case's own figures (formatted, not the
 * API's raw digits and ISO dates); any other refusal keeps the API's Vietnamese detail.
 */
export const inClerkWords = (problem: Problem | undefined, view: CaseView, t: Translate): Problem | undefined => {
  if (!problem) return problem;
  const said = (detail: string): Problem => ({ ...problem, title: undefined, detail });
  const today = (problem as { today?: string }).today;
  if (problem.reason === 'amount-exceeds-remaining')
    return said(t('step.refusal.overRemaining', { remaining: formatMoney(view.amounts.remaining) }));
  if (problem.reason === 'amount-exceeds-collected') {
    const available = (BigInt(view.amounts.collected) - BigInt(view.amounts.disbursed)).toString();
    return said(t('step.refusal.overCollected', { available: formatMoney(available) }));
  }
  if (problem.code === 'case.step-date-in-future' && today)
    return said(t('step.refusal.future', { today: formatDay(today) }));
  if (problem.code === 'case.step-date-before-previous')
    return said(t('step.refusal.beforePrevious', { last: formatDay(view.lastStepOn) }));
  return problem;
};
