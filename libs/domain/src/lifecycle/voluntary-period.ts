import { createWorkingDayCalendar, WorkingDayCalendar } from '../calendar/calendar';
import { civilCalendar } from '../calendar/civil-calendar';
import { addDays } from '../calendar/local-date';
import { LocalDate } from '../local-date';
import { IMMEDIATE_SEIZURE_GROUNDS, ImmediateSeizureGround } from '../reasons';
import { Regime, regimeOn } from '../regime';
import { ALLOWED, LawCheck, missing, RuleConfidence } from './law-check';

/**
 * The debtor's voluntary period (thời hạn tự nguyện thi hành án): coercion, a seizure among it,
 * comes only after it has run out (Luật THADS Điều 46.1), unless the officer must act at once to
 * stop the debtor hiding, dissipating or destroying assets (Điều 45.2) or the decision enforces an
 * interim measure. Chosen by the regime in force on the day the period began, as its deadline is.
 */
export interface VoluntaryPeriodRule {
  days: number;
  immediateGrounds: ReadonlyArray<ImmediateSeizureGround>;
  legalBasis: string;
  confidence: RuleConfidence;
}

export const VOLUNTARY_PERIOD_RULES: Record<Regime, VoluntaryPeriodRule> = {
  '2009': {
    days: 15,
    immediateGrounds: IMMEDIATE_SEIZURE_GROUNDS,
    legalBasis: 'Luật THADS 26/2008/QH12 Điều 45, 46',
    confidence: 'sure',
  },
  '2015': {
    days: 10,
    immediateGrounds: IMMEDIATE_SEIZURE_GROUNDS,
    legalBasis: 'Luật THADS Điều 45, 46 (sửa đổi bởi Luật 64/2014/QH13)',
    confidence: 'sure',
  },
  // Luật 106/2025/QH15 Điều 36.1 holds the period; its length was not read: 10 days kept.
  '2026': {
    days: 10,
    immediateGrounds: IMMEDIATE_SEIZURE_GROUNDS,
    legalBasis: 'Luật THADS 106/2025/QH15 Điều 36 [thời hạn chưa đọc được trong văn bản Luật]',
    confidence: 'unsure',
  },
};

/**
 * The period runs from the notice of the decision (the case's first `notify`), or from the
 * decision itself when no notice is recorded, the earliest it could have begun [unsure: without a
 * recorded notice the period has not legally begun; this reading never refuses a lawful seizure].
 * A term of the debtor's, it ends on the ordinary calendar (Bộ luật Dân sự Điều 148): a last day
 * that is a rest day for a private person moves to the next working day, as the deadline
 * `voluntary-period` counts it, so the guard and the deadline give one answer. The calendar is the
 * one the code ships (computed holidays and the announced years); years added from files at
 * run time are not seen here [likely: those files add civil-service days, rarely a private one].
 */
let shipped: WorkingDayCalendar | undefined;
const partyCalendar = (): WorkingDayCalendar => civilCalendar((shipped ??= createWorkingDayCalendar()));

/**
 * `interimMeasureOfCase` is the case's own fact (`interimMeasure` of the receipt): a judgment on an
 * interim measure is enforced at once, with no voluntary period (Điều 36.2, 45.2), so no ground is
 * asked. The seizure's `immediateGround: 'interimMeasure'` is refused when the case records it is
 * not one (`interimMeasure: false`), and accepted as declared when the case says nothing (cases
 * received before the field existed, or whose receipt left it out); the other grounds (hiding,
 * dissipating, destroying assets, evading) are facts of the day and stay declared by the officer.
 */
export const checkVoluntaryPeriodOver = (
  startedOn: LocalDate | undefined,
  on: LocalDate,
  ground: ImmediateSeizureGround | undefined,
  interimMeasureOfCase?: boolean,
): LawCheck => {
  if (startedOn === undefined || interimMeasureOfCase === true) return ALLOWED;
  // Before 1 July 2009 no regime is modelled (regime.ts): no rule, so nothing to refuse by.
  const regime = regimeOn(startedOn);
  if (regime === undefined) return ALLOWED;
  const rule = VOLUNTARY_PERIOD_RULES[regime];
  const lastDay = partyCalendar().nextWorkingDayOnOrAfter(addDays(startedOn, rule.days));
  if (on > lastDay) return ALLOWED;
  if (ground === 'interimMeasure' && interimMeasureOfCase === false) {
    return missing(
      `việc không thi hành quyết định áp dụng biện pháp khẩn cấp tạm thời (interimMeasure của việc là false); ` +
        `thời hạn tự nguyện ${rule.days} ngày kể từ ${startedOn} chưa hết (hết ngày ${lastDay}) (${rule.legalBasis})`,
    );
  }
  if (ground !== undefined && rule.immediateGrounds.includes(ground)) return ALLOWED;
  return missing(
    `thời hạn tự nguyện ${rule.days} ngày kể từ ${startedOn} chưa hết (hết ngày ${lastDay}); ` +
      `kê biên trước đó cần căn cứ ${rule.immediateGrounds.join(', ')} (${rule.legalBasis})`,
  );
};
