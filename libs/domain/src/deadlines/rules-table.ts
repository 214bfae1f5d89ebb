import { Confidence } from '../calendar/calendar-day';
import { LocalDate } from '../local-date';
import { Regime, REGIMES, RegimeInfo } from '../regime';
import { DeadlineActor, DeadlineRule, LegalBasis, TermUnit, triggersOf, WhoseCalendar } from './deadline-rule';
import { ReportDeadline, REPORT_DEADLINES } from './report-deadlines';
import { FieldRead, fieldsReadBy } from './rule-inputs';
import { DEADLINE_RULES } from './rules';
import { UncheckedTerm, UNCHECKED_TERMS } from './unchecked-terms';

/** How a term is counted (Bộ luật Dân sự 2015 Điều 147–148; docs/deadlines.md). */
export type Counting = 'calendar days' | 'working days' | 'months' | 'immediately';
const COUNTING: Record<TermUnit, Counting> = {
  days: 'calendar days',
  workingDays: 'working days',
  months: 'months',
  immediately: 'immediately',
};

/** One entry of one rule, as an inspector reads it: every field is data, nothing is evaluated. */
export interface RuleRow {
  id: string;
  row: string;
  title: string;
  regime: Regime;
  /** The days this entry is in force: its regime's, narrowed by the entry's own window. */
  from: LocalDate;
  until?: LocalDate;
  term: { length: number; unit: TermUnit; counting: Counting; lengthWhen?: { when: string; length: number } };
  trigger: { steps: ReadonlyArray<string>; when?: string; start: string; after?: string };
  metBy: ReadonlyArray<string>;
  /** The condition a step that meets the rule must also fulfil (DeadlineRule.satisfiedWhen). */
  metWhen?: string;
  cancelledBy: ReadonlyArray<string>;
  pausedBy: ReadonlyArray<string>;
  actor: DeadlineActor;
  calendar: WhoseCalendar;
  legalBasis: LegalBasis;
  confidence: Confidence;
  fieldsRead: ReadonlyArray<FieldRead>;
  lapsesAfter?: LocalDate;
  note?: string;
}

export interface DeadlineRulesTable {
  regimes: ReadonlyArray<RegimeInfo>;
  rules: ReadonlyArray<RuleRow>;
  unchecked: ReadonlyArray<UncheckedTerm & { counting: Counting }>;
  reports: ReadonlyArray<ReportDeadline & { counting: Counting }>;
}

const later = (a: LocalDate, b?: LocalDate) => (b !== undefined && b > a ? b : a);
const earlier = (a?: LocalDate, b?: LocalDate) => (a === undefined ? b : b === undefined ? a : a < b ? a : b);

export const ruleRow = (rule: DeadlineRule): RuleRow => {
  const regime = REGIMES.find((r) => r.regime === rule.regime)!;
  const until = earlier(regime.until, rule.appliesUntil);
  return {
    id: rule.id,
    row: rule.row,
    title: rule.title,
    regime: rule.regime,
    from: later(regime.from, rule.appliesFrom),
    ...(until !== undefined && { until }),
    term: {
      length: rule.length,
      unit: rule.unit,
      counting: COUNTING[rule.unit],
      ...(rule.lengthWhen && { lengthWhen: rule.lengthWhen }),
    },
    trigger: {
      steps: triggersOf(rule),
      ...(rule.when && { when: rule.when }),
      start: rule.after ? `end of ${rule.after}` : (rule.start ?? 'trigger'),
      ...(rule.after && { after: rule.after }),
    },
    metBy: rule.satisfiedBy,
    ...(rule.satisfiedWhen && { metWhen: rule.satisfiedWhen }),
    cancelledBy: rule.cancelledBy,
    pausedBy: rule.pausedBy ?? [],
    actor: rule.actor,
    calendar: rule.calendar,
    legalBasis: rule.legalBasis,
    confidence: rule.confidence,
    fieldsRead: fieldsReadBy(rule),
    ...(rule.lapsesAfter !== undefined && { lapsesAfter: rule.lapsesAfter }),
    ...(rule.note !== undefined && { note: rule.note }),
  };
};

/** The whole table: every rule of every regime, the terms not checked, the report deadlines, the regimes. */
export const deadlineRulesTable = (): DeadlineRulesTable => ({
  regimes: REGIMES,
  rules: DEADLINE_RULES.map(ruleRow),
  unchecked: UNCHECKED_TERMS.map((t) => ({ ...t, counting: COUNTING[t.unit] })),
  reports: REPORT_DEADLINES.map((r) => ({ ...r, counting: COUNTING[r.unit] })),
});

const UNIT_VI: Record<TermUnit, string> = {
  days: 'ngày',
  workingDays: 'ngày làm việc',
  months: 'tháng',
  immediately: 'ngay',
};
const termText = (length: number, unit: TermUnit, lengthWhen?: { when: string; length: number }) =>
  unit === 'immediately'
    ? 'ngay'
    : `${length}${lengthWhen ? ` (${lengthWhen.length} khi ${lengthWhen.when})` : ''} ${UNIT_VI[unit]}`;
const period = (from: LocalDate, until?: LocalDate) => `${from} – ${until ?? ''}`.trim();
const cell = (text: string) => text.replace(/\|/g, '\\|');

/**
 * The deadline list of the README, generated from the rules (a test keeps the two equal):
 * one line per entry, grouped by regime.
 */
export const deadlineRulesMarkdown = (table: DeadlineRulesTable = deadlineRulesTable()): string => {
  const lines: string[] = [];
  for (const regime of table.regimes) {
    lines.push(
      `**${regime.regime}** — ${regime.law}, ${period(regime.from, regime.until)}; ${regime.decrees.map((d) => `${d.name} từ ${d.from}`).join('; ')}`,
      '',
    );
    lines.push(
      '| Rule | Term | Trigger → met by | Whose days | Basis | Conf. | In force |',
      '|---|---|---|---|---|---|---|',
    );
    for (const r of table.rules.filter((x) => x.regime === regime.regime)) {
      const from = r.trigger.after || r.trigger.start === 'trigger' ? '' : `; from ${r.trigger.start}`;
      const trigger = `${r.trigger.after ? `end of ${r.trigger.after}` : r.trigger.steps.join(', ')}${r.trigger.when ? ` (${r.trigger.when})` : ''}${from}`;
      lines.push(
        `| ${cell(`\`${r.id}\` ${r.title}`)} | ${termText(r.term.length, r.term.unit, r.term.lengthWhen)} | ${cell(`${trigger} → ${r.metBy.join(', ')}${r.metWhen ? ` (${r.metWhen})` : ''}`)} ` +
          `| ${r.calendar} | ${cell(`${r.legalBasis.law}, ${r.legalBasis.article}`)} | ${r.confidence} | ${period(r.from, r.until)}${r.lapsesAfter ? ` (lapses after ${r.lapsesAfter})` : ''} |`,
      );
    }
    lines.push('');
  }
  lines.push('Not checked (no step or field records their trigger or act):', '');
  for (const t of table.unchecked)
    lines.push(
      `- \`${t.id}\` (${t.regime}) ${t.title}: ${termText(t.length, t.unit)}, ${t.legalBasis.law} ${t.legalBasis.article} — ${t.missing}`,
    );
  return `${lines.join('\n').trimEnd()}\n`;
};
