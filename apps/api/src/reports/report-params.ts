import { NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { endOfLocalDay } from '@thads/application';
import {
  BuiltForm,
  FORM_IDS,
  formInForce,
  KnownAt,
  parseKnownAt,
  reportingYearOf,
  reportingYearStart,
} from '@thads/projections';
import { QueryParams } from '../http/query-params';

export const FORMATS = ['json', 'csv', 'html', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

export interface FormParams {
  def: BuiltForm;
  unitId: string;
  from: string;
  to: string;
  knownAt?: KnownAt;
  format: Format;
  basis: 'now' | 'submitted';
  minPosition?: string;
}

/** 404 for a form id no regime has (the ids are TT 05/2024's two-digit numbers). */
export const knownFormId = (form: string): string => {
  if (!FORM_IDS.includes(form)) {
    throw new NotFoundException({
      code: 'report.form-unknown',
      message: `no report form ${JSON.stringify(form.slice(0, 20))}: the forms are ${FORM_IDS.join(', ')} (GET /api/reports)`,
    });
  }
  return form;
};

/**
 * The form of the regime in force on the period's end, if it can be built, for a period inside
 * one reporting year (the forms are cumulative from 1 October, docs/domain.md §4.2).
 */
export const formForPeriod = (form: string, from: string, to: string): BuiltForm => {
  const def = formInForce(knownFormId(form), to);
  if (!def)
    throw new UnprocessableEntityException({
      code: 'report.no-form-for-period',
      message: `no regime with a form ${form} is modelled for a period ending ${to} (from 2020-01-05, TT 06/2019/TT-BTP)`,
    });
  if (!def.available)
    throw new UnprocessableEntityException({
      code: 'report.form-not-built',
      message: `form ${form} (${def.title}) cannot be built from the recorded events: ${def.why}`,
    });
  if (def.withinReportingYear && reportingYearOf(from) !== reportingYearOf(to)) {
    throw new UnprocessableEntityException({
      code: 'report.period-crosses-year',
      message: `the period ${from}..${to} crosses reporting years (${reportingYearOf(from)} and ${reportingYearOf(to)}): form ${form} is cumulative from 1 October, each year runs 1 October – 30 September`,
    });
  }
  return def;
};

/** GET /api/reports/{form}: every query problem in one 400, then the form's own checks. */
export const formParams = (form: string, query: Record<string, unknown>): FormParams => {
  knownFormId(form);
  const q = new QueryParams(query);
  const unitId = q.id('unitId', true)!;
  const [from, to] = [q.date('from', true), q.date('to', true)];
  if (from && to && from > to) q.problem('from must not be after to');
  const asKnownAt = q.text('asKnownAt');
  const knownAt = asKnownAt === undefined ? undefined : parseKnownAt(asKnownAt, endOfLocalDay);
  if (asKnownAt !== undefined && !knownAt)
    q.problem('asKnownAt must be a log position, an ISO-8601 instant or a real date YYYY-MM-DD');
  const format = q.oneOf('format', FORMATS) ?? 'json';
  const basis = q.oneOf('basis', ['now', 'submitted'] as const) ?? 'now';
  const minPosition = q.text('minPosition');
  q.done();
  if (basis === 'submitted' && knownAt)
    throw new UnprocessableEntityException({
      code: 'report.basis-with-as-known-at',
      message: 'basis=submitted takes the figures as the subunits sent them: asKnownAt does not apply',
    });
  return { def: formForPeriod(form, from!, to!), unitId, from: from!, to: to!, knownAt, format, basis, minPosition };
};

const endOfMonth = (date: string): string => {
  const [y, m] = date.split('-').map(Number);
  return `${date.slice(0, 8)}${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/**
 * A submission closes the books of one reporting period ("chốt số liệu"), so it must be one: the
 * forms count from 1 October of the reporting year to the end of a month (docs/reports.md;
 * TT 05/2024/TT-BTP), and the period must have ended — figures sent for days still to come could
 * only be sent again. Any range may still be viewed (GET /api/reports/{form}).
 */
/** A reporting period: from 1 October of its reporting year to the end of a month (TT 05/2024 Điều 6). */
export const assertReportingPeriod = (from: string, to: string): void => {
  if (from !== reportingYearStart(to) || to !== endOfMonth(to)) {
    throw new UnprocessableEntityException({
      code: 'report.not-a-reporting-period',
      message: `a report is sent for a period from 1 October of its reporting year to the end of a month (${reportingYearStart(to)}..${endOfMonth(to)}), not ${from}..${to}`,
    });
  }
};

export const assertSubmittable = (from: string, to: string, today: string): void => {
  assertReportingPeriod(from, to);
  if (to >= today) {
    throw new UnprocessableEntityException({
      code: 'report.period-not-ended',
      message: `the period ${from}..${to} has not ended (today is ${today}): its figures cannot be closed yet`,
    });
  }
};
