import { DeadlineRule } from './deadline-rule';
import { CASE_ENDS, DECREE_152_2026, LAW_2008, LAW_2014, LAW_2025, LENGTH_UNCONFIRMED_2026 } from './legal-sources';

// docs/domain.md §3 rows 6 and 14: a decision sent to the procuracy, a debtor without conditions published.
// Both are recorded as notify steps with `to` (NOTICE_RECIPIENTS): 'procuracy' or 'public'.

const sendToProcuracy = {
  id: 'send-decision-to-procuracy',
  row: '6',
  title: 'Gửi quyết định về thi hành án cho Viện kiểm sát cùng cấp',
  trigger: ['decide', 'postpone', 'suspend', 'resume', 'classify'],
  when: 'decisionOnEnforcement',
  satisfiedBy: ['notify'],
  satisfiedWhen: 'noticeToProcuracy',
  cancelledBy: [],
  length: 3,
  unit: 'workingDays',
  actor: 'agency',
  calendar: 'agency',
  note:
    'Met by a notify step with `to: procuracy` after the decision; one sending carries every decision not yet sent. Decisions that ' +
    'end the case (termination, entrustment, revocation) are not judged: no step can be recorded after them (unchecked terms).',
} as const;

const publish = {
  id: 'publish-without-conditions',
  row: '14',
  title: 'Công khai thông tin người phải thi hành án chưa có điều kiện thi hành',
  trigger: 'classify',
  when: 'withoutConditions',
  satisfiedBy: ['notify'],
  satisfiedWhen: 'publication',
  cancelledBy: ['classify', 'restore', ...CASE_ENDS],
  length: 5,
  unit: 'workingDays',
  actor: 'agency',
  calendar: 'agency',
  note: 'Met by a notify step with `to: public` (the publication on the electronic portal) after the decision of no means.',
} as const;

// Where the 2025 Law says it was not found: the old Law's term is kept.
const ARTICLE_UNKNOWN_2026 = `điều tương ứng với Điều 38 Luật 2008 chưa xác định (${LENGTH_UNCONFIRMED_2026})`;

export const NOTICE_RULES: ReadonlyArray<DeadlineRule> = [
  { ...sendToProcuracy, regime: '2009', legalBasis: { law: LAW_2008, article: 'Điều 38' }, confidence: 'likely' },
  { ...sendToProcuracy, regime: '2015', legalBasis: { law: LAW_2014, article: 'Điều 38' }, confidence: 'sure' },
  {
    ...sendToProcuracy,
    regime: '2026',
    legalBasis: { law: LAW_2025, article: ARTICLE_UNKNOWN_2026 },
    confidence: 'unsure',
  },
  // TT 04/2023/TT-BTP from 1 October 2023; the circular before it (TT 01/2016/TT-BTP) was not read.
  {
    ...publish,
    regime: '2015',
    appliesFrom: '2023-10-01',
    legalBasis: { law: 'Thông tư 04/2023/TT-BTP', article: 'Điều 5' },
    confidence: 'sure',
  },
  { ...publish, regime: '2026', legalBasis: { law: DECREE_152_2026, article: 'Điều 23.1' }, confidence: 'sure' },
];
