import { DeadlineRule } from './deadline-rule';
import { LAW_2008, LAW_2014, LAW_2022, LAW_2025, LENGTH_UNCONFIRMED_2026 } from './legal-sources';

// docs/domain.md §3 rows 18–23: decisions the head must take within 5 working days of a legal ground.
// The ground's date is not a step of its own, so each decision step may carry it as
// `data.groundOn` (StepData already allows it on postpone, suspend, resume, terminate, entrust);
// the rule judges the decision against it, and is not opened when the date is absent.

const GROUND_NOTE = 'Judged on the decision itself, from `groundOn` in its data; not opened without it.';

const onGround = (id: string, row: string, title: string) =>
  ({
    id,
    row,
    title,
    start: 'groundOn',
    cancelledBy: [],
    length: 5,
    unit: 'workingDays',
    actor: 'agency',
    calendar: 'agency',
    note: GROUND_NOTE,
  }) as const;

const postpone = {
  ...onGround('decide-postponement', '18', 'Ra quyết định hoãn thi hành án'),
  trigger: 'postpone',
  satisfiedBy: ['postpone'],
  note: `${GROUND_NOTE} A request by the person entitled to protest (immediately) is not told apart.`,
} as const;
const resumePostponed = {
  ...onGround('resume-after-postponement', '19', 'Ra quyết định tiếp tục thi hành án sau khi hoãn'),
  trigger: 'resume',
  when: 'resumesPostponement',
  satisfiedBy: ['resume'],
} as const;
const suspend = {
  ...onGround('decide-suspension', '20', 'Ra quyết định tạm đình chỉ thi hành án (mở thủ tục phá sản)'),
  trigger: 'suspend',
  when: 'bankruptcyPetition',
  satisfiedBy: ['suspend'],
  note: `${GROUND_NOTE} Runs from the court's notice; a suspension on protest is only notified and has no deadline here.`,
} as const;
const resumeSuspended = {
  ...onGround('resume-after-suspension', '21', 'Ra quyết định tiếp tục thi hành án sau khi tạm đình chỉ'),
  trigger: 'resume',
  when: 'resumesSuspension',
  satisfiedBy: ['resume'],
} as const;
const terminate = {
  ...onGround('decide-termination', '22', 'Ra quyết định đình chỉ thi hành án'),
  trigger: 'terminate',
  satisfiedBy: ['terminate'],
} as const;
const entrust = {
  ...onGround('decide-entrustment', '23', 'Ra quyết định ủy thác thi hành án'),
  trigger: 'entrust',
  satisfiedBy: ['entrust'],
  note: `${GROUND_NOTE} Interim measures (24 hours) are not told apart.`,
} as const;

// Where the 2026 Law holds hoãn and tạm đình chỉ was not found; probably Điều 42–47 (docs/domain.md §9.1, §9.8 item 2).
const UNKNOWN_2026_ARTICLE = `Điều 42–47 (điều cụ thể về hoãn, tạm đình chỉ chưa xác định; ${LENGTH_UNCONFIRMED_2026})`;

export const SIDE_DECISION_RULES: ReadonlyArray<DeadlineRule> = [
  { ...postpone, regime: '2009', legalBasis: { law: LAW_2008, article: 'Điều 48' }, confidence: 'likely' },
  { ...postpone, regime: '2015', legalBasis: { law: LAW_2014, article: 'Điều 48.3' }, confidence: 'sure' },
  { ...postpone, regime: '2026', legalBasis: { law: LAW_2025, article: UNKNOWN_2026_ARTICLE }, confidence: 'unsure' },
  { ...resumePostponed, regime: '2009', legalBasis: { law: LAW_2008, article: 'Điều 48' }, confidence: 'likely' },
  { ...resumePostponed, regime: '2015', legalBasis: { law: LAW_2014, article: 'Điều 48.4' }, confidence: 'sure' },
  {
    ...resumePostponed,
    regime: '2026',
    legalBasis: { law: LAW_2025, article: UNKNOWN_2026_ARTICLE },
    confidence: 'unsure',
  },
  { ...suspend, regime: '2009', legalBasis: { law: LAW_2008, article: 'Điều 49' }, confidence: 'likely' },
  { ...suspend, regime: '2015', legalBasis: { law: LAW_2014, article: 'Điều 49.2' }, confidence: 'sure' },
  { ...suspend, regime: '2026', legalBasis: { law: LAW_2025, article: UNKNOWN_2026_ARTICLE }, confidence: 'unsure' },
  { ...resumeSuspended, regime: '2009', legalBasis: { law: LAW_2008, article: 'Điều 49' }, confidence: 'likely' },
  { ...resumeSuspended, regime: '2015', legalBasis: { law: LAW_2014, article: 'Điều 49.3' }, confidence: 'sure' },
  {
    ...resumeSuspended,
    regime: '2026',
    legalBasis: { law: LAW_2025, article: UNKNOWN_2026_ARTICLE },
    confidence: 'unsure',
  },
  { ...terminate, regime: '2009', legalBasis: { law: LAW_2008, article: 'Điều 50' }, confidence: 'likely' },
  { ...terminate, regime: '2015', legalBasis: { law: LAW_2014, article: 'Điều 50.2' }, confidence: 'sure' },
  {
    ...terminate,
    regime: '2026',
    legalBasis: { law: LAW_2025, article: `Điều 48 (${LENGTH_UNCONFIRMED_2026})` },
    confidence: 'unsure',
  },
  { ...entrust, regime: '2009', legalBasis: { law: LAW_2008, article: 'Điều 57.1' }, confidence: 'likely' },
  {
    ...entrust,
    regime: '2015',
    appliesUntil: '2022-02-28',
    legalBasis: { law: LAW_2014, article: 'Điều 57.1' },
    confidence: 'likely',
  },
  {
    ...entrust,
    regime: '2015',
    appliesFrom: '2022-03-01',
    legalBasis: { law: LAW_2022, article: 'Điều 57.1.a' },
    confidence: 'sure',
  },
  {
    ...entrust,
    regime: '2026',
    legalBasis: { law: LAW_2025, article: `Điều 49 (${LENGTH_UNCONFIRMED_2026})` },
    confidence: 'unsure',
  },
];
