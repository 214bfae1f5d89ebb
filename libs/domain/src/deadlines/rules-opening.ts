import { DECREE_62_FROM } from '../regime';
import { DeadlineRule } from './deadline-rule';
import {
  CASE_ENDS,
  DECREE_152_2026,
  DECREE_62,
  LAW_2008,
  LAW_2014,
  LAW_2025,
  LENGTH_UNCONFIRMED_2026,
  PAUSES,
} from './legal-sources';

// docs/domain.md §3 rows 3, 3a, 4, 5, 7, 8, 9: from the judgment or request to the first verification.

const decideOnRequest = {
  id: 'decide-on-request',
  row: '3',
  title: 'Ra quyết định thi hành án theo yêu cầu',
  trigger: 'receive',
  when: 'onRequest',
  satisfiedBy: ['decide'],
  cancelledBy: ['refuse', ...CASE_ENDS],
  length: 5,
  unit: 'workingDays',
  actor: 'agency',
  calendar: 'agency',
} as const;

const refuseRequest = {
  id: 'refuse-request',
  row: '3a',
  title: 'Từ chối yêu cầu thi hành án (thông báo bằng văn bản)',
  trigger: 'refuse',
  start: 'lastReceive',
  satisfiedBy: ['refuse'],
  cancelledBy: [],
  length: 5,
  unit: 'workingDays',
  actor: 'agency',
  calendar: 'agency',
  note: 'Judged on the refusal itself, counted from the receipt of the request.',
} as const;

const decideExOfficio = {
  id: 'decide-ex-officio',
  row: '4',
  title: 'Ra quyết định thi hành án chủ động',
  trigger: 'receive',
  when: 'exOfficio',
  satisfiedBy: ['decide'],
  cancelledBy: CASE_ENDS,
  length: 5,
  unit: 'workingDays',
  actor: 'agency',
  calendar: 'agency',
  note:
    'Counted from the receipt of the judgment (the receive step). From 1 July 2015 a bankruptcy court decision ' +
    '(`bankruptcyDecision` on the receive step) has its own 3-WD rule (decide-bankruptcy), and a case received by entrustment its own (receiver-decides-entrusted-case).',
} as const;

const decideInterim = {
  id: 'decide-interim-measure',
  row: '4',
  title: 'Ra ngay quyết định thi hành án biện pháp khẩn cấp tạm thời',
  trigger: 'receive',
  when: 'interimMeasure',
  satisfiedBy: ['decide'],
  cancelledBy: CASE_ENDS,
  length: 0,
  unit: 'immediately',
  actor: 'agency',
  calendar: 'agency',
  note: 'Opened by `interimMeasure: true` on the receive step.',
} as const;

const openFile = {
  id: 'open-case-file',
  row: '5',
  title: 'Chấp hành viên lập hồ sơ thi hành án',
  trigger: 'assign',
  satisfiedBy: ['notify', 'verify', 'classify', 'seize', 'postpone', 'suspend', 'collect'],
  cancelledBy: CASE_ENDS,
  pausedBy: PAUSES,
  length: 2,
  unit: 'workingDays',
  actor: 'agency',
  calendar: 'agency',
  note: 'No step records the opening of the file; the first act the enforcer records after assignment is taken as proof that it exists. Suggest an `openFile` step.',
} as const;

const notifyDecision = {
  id: 'notify-decision',
  row: '7',
  title: 'Thông báo quyết định thi hành án cho đương sự',
  trigger: 'decide',
  satisfiedBy: ['notify'],
  satisfiedWhen: 'noticeToParties',
  cancelledBy: CASE_ENDS,
  length: 3,
  unit: 'workingDays',
  actor: 'agency',
  calendar: 'agency',
  note:
    'Only the decision to enforce is followed; other decisions carry the same 3-WD rule but have no notify step of their own. ' +
    'A notice to the procuracy or a publication (`to` of the notify step) is not the notice to the parties.',
} as const;

const voluntaryPeriod = {
  id: 'voluntary-period',
  row: '8',
  title: 'Thời hạn tự nguyện thi hành án',
  trigger: 'notify',
  when: 'firstNoticeOfDecision',
  satisfiedBy: ['collect', 'complete'],
  cancelledBy: CASE_ENDS,
  pausedBy: PAUSES,
  unit: 'days',
  actor: 'debtor',
  calendar: 'civil',
  note: 'Runs from the first notice after the decision (valid notice). A payment recorded in the period counts as voluntary performance.',
} as const;

const firstVerification = {
  id: 'first-verification',
  row: '9',
  title: 'Xác minh điều kiện thi hành án sau khi hết thời hạn tự nguyện',
  trigger: 'notify',
  when: 'firstNoticeOfDecision',
  after: 'voluntary-period',
  satisfiedBy: ['verify'],
  satisfiedEarlierSince: 'decide',
  cancelledBy: CASE_ENDS,
  pausedBy: PAUSES,
  length: 10,
  unit: 'days',
  actor: 'agency',
  calendar: 'agency',
  note: 'Starts the day the voluntary period ends; a verification made earlier, since the decision, also meets it.',
} as const;

export const OPENING_RULES: ReadonlyArray<DeadlineRule> = [
  { ...decideOnRequest, regime: '2009', legalBasis: { law: LAW_2008, article: 'Điều 36.1' }, confidence: 'likely' },
  { ...decideOnRequest, regime: '2015', legalBasis: { law: LAW_2014, article: 'Điều 36.1' }, confidence: 'sure' },
  {
    ...decideOnRequest,
    regime: '2026',
    legalBasis: { law: LAW_2025, article: `Điều 34 (${LENGTH_UNCONFIRMED_2026})` },
    confidence: 'unsure',
  },
  { ...refuseRequest, regime: '2009', legalBasis: { law: LAW_2008, article: 'Điều 31' }, confidence: 'likely' },
  { ...refuseRequest, regime: '2015', legalBasis: { law: LAW_2014, article: 'Điều 31.5' }, confidence: 'sure' },
  {
    ...refuseRequest,
    regime: '2026',
    legalBasis: { law: LAW_2025, article: `Điều 34 (${LENGTH_UNCONFIRMED_2026})` },
    confidence: 'unsure',
  },
  {
    ...decideExOfficio,
    when: 'exOfficioOrBankruptcy',
    regime: '2009',
    legalBasis: { law: LAW_2008, article: 'Điều 36.2' },
    confidence: 'likely',
  },
  { ...decideExOfficio, regime: '2015', legalBasis: { law: LAW_2014, article: 'Điều 36.2' }, confidence: 'sure' },
  {
    ...decideExOfficio,
    regime: '2026',
    legalBasis: { law: LAW_2025, article: `Điều 33 (${LENGTH_UNCONFIRMED_2026})` },
    confidence: 'unsure',
  },
  { ...decideInterim, regime: '2009', legalBasis: { law: LAW_2008, article: 'Điều 36.2' }, confidence: 'likely' },
  { ...decideInterim, regime: '2015', legalBasis: { law: LAW_2014, article: 'Điều 36.2' }, confidence: 'sure' },
  {
    ...decideInterim,
    regime: '2026',
    legalBasis: { law: LAW_2025, article: `Điều 33 (${LENGTH_UNCONFIRMED_2026})` },
    confidence: 'unsure',
  },
  // No 2009 entry: NĐ 58/2009/NĐ-CP, the decree of that regime, was not read.
  {
    ...openFile,
    regime: '2015',
    appliesFrom: DECREE_62_FROM,
    legalBasis: { law: DECREE_62, article: 'Điều 8.1' },
    confidence: 'sure',
  },
  { ...openFile, regime: '2026', legalBasis: { law: DECREE_152_2026, article: 'Điều 12.2' }, confidence: 'sure' },
  { ...notifyDecision, regime: '2009', legalBasis: { law: LAW_2008, article: 'Điều 39.1' }, confidence: 'likely' },
  { ...notifyDecision, regime: '2015', legalBasis: { law: LAW_2014, article: 'Điều 39.1' }, confidence: 'sure' },
  {
    ...notifyDecision,
    regime: '2026',
    legalBasis: { law: LAW_2025, article: `Điều 35 (${LENGTH_UNCONFIRMED_2026})` },
    confidence: 'unsure',
  },
  // 15 days before 1 July 2015, 10 days after (Luật 64/2014/QH13 amended Điều 45).
  {
    ...voluntaryPeriod,
    length: 15,
    regime: '2009',
    legalBasis: { law: LAW_2008, article: 'Điều 45.1' },
    confidence: 'sure',
  },
  {
    ...voluntaryPeriod,
    length: 10,
    regime: '2015',
    legalBasis: { law: LAW_2014, article: 'Điều 45.1' },
    confidence: 'sure',
  },
  {
    ...voluntaryPeriod,
    length: 10,
    regime: '2026',
    legalBasis: { law: LAW_2025, article: `Điều 36.1 (${LENGTH_UNCONFIRMED_2026})` },
    confidence: 'unsure',
  },
  { ...firstVerification, regime: '2009', legalBasis: { law: LAW_2008, article: 'Điều 44.1' }, confidence: 'likely' },
  { ...firstVerification, regime: '2015', legalBasis: { law: LAW_2014, article: 'Điều 44.1' }, confidence: 'sure' },
  {
    ...firstVerification,
    regime: '2026',
    legalBasis: { law: LAW_2025, article: `Điều 38 (${LENGTH_UNCONFIRMED_2026})` },
    confidence: 'unsure',
  },
];
