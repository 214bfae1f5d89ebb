import { DECREE_62_FROM } from '../regime';
import { DeadlineRule } from './deadline-rule';
import {
  CASE_ENDS,
  CASE_ENDS_BUT_COMPLETION,
  DECREE_152_2026,
  DECREE_62,
  DECREE_62_2020,
  DECREE_62_2024,
  LAW_2008,
  LAW_2014,
  LAW_2025,
  LENGTH_UNCONFIRMED_2026,
  PAUSES,
} from './legal-sources';

// Rows 25, 28, 29, 31, 33, 34, 35 of docs/deadlines.md and the 2026 valuation notice: from seizure to payout.

const appraisalContract = {
  id: 'appraisal-contract',
  row: '25',
  title: 'Ký hợp đồng dịch vụ thẩm định giá tài sản kê biên',
  trigger: 'seize',
  satisfiedBy: ['value'],
  satisfactionDateField: 'contractOn',
  cancelledBy: ['signAuctionContract', 'auction', ...CASE_ENDS],
  pausedBy: PAUSES,
  length: 5,
  unit: 'workingDays',
  actor: 'agency',
  calendar: 'agency',
  note:
    'The contract is not a step: the valuation stands for it unless its data carries `contractOn`. Parties agreeing on the price ' +
    '(Điều 98.1) also end it; an auction held before any valuation of the seized asset shows the price was settled so.',
} as const;

const auctionContract = {
  id: 'auction-contract',
  row: '28',
  title: 'Ký hợp đồng dịch vụ đấu giá tài sản',
  trigger: 'value',
  satisfiedBy: ['signAuctionContract', 'auction'],
  satisfactionDateField: 'contractOn',
  cancelledBy: ['value', ...CASE_ENDS],
  pausedBy: PAUSES,
  length: 10,
  unit: 'days',
  actor: 'agency',
  calendar: 'agency',
  note: 'Met by the `signAuctionContract` step; failing it, by the auction, dated by its `contractOn` when it carries one. A new valuation restarts it.',
} as const;

const holdAuction = {
  id: 'hold-auction',
  row: '29',
  title: 'Tổ chức bán đấu giá tài sản',
  trigger: 'value',
  start: 'auctionContract',
  satisfiedBy: ['auction'],
  cancelledBy: ['value', ...CASE_ENDS],
  pausedBy: PAUSES,
  length: 30,
  lengthWhen: { when: 'immovableAsset', length: 45 },
  unit: 'days',
  actor: 'agency',
  calendar: 'agency',
  note:
    '30 days (movables) / 45 days (immovables, `assetKind` of the valuation or seizure) from the auction contract: the ' +
    '`signAuctionContract` step recorded after the valuation, or else `contractOn` of the auction step (older records). While ' +
    'neither is recorded the term is counted from the valuation and the deadline says so (`startAssumed`); that can be up to 10 days stricter.',
} as const;

const failedAuctionNotice = {
  id: 'notify-failed-auction',
  row: '31',
  title: 'Thông báo cho đương sự về việc đấu giá không thành để thỏa thuận giảm giá',
  trigger: 'auction',
  when: 'unsold',
  satisfiedBy: ['notify'],
  satisfiedWhen: 'noticeToParties',
  cancelledBy: ['value', 'auction', ...CASE_ENDS],
  pausedBy: PAUSES,
  unit: 'workingDays',
  actor: 'agency',
  calendar: 'agency',
  note: "Counted from the auction step recorded as unsold (the organiser's notice is not a step); the notify step after it is the notice to the parties.",
} as const;

const notifyValuation = {
  id: 'notify-valuation',
  row: '9.2/14',
  title: 'Thông báo kết quả thẩm định giá cho đương sự',
  trigger: 'value',
  satisfiedBy: ['notify'],
  satisfiedWhen: 'noticeToParties',
  cancelledBy: ['value', 'auction', ...CASE_ENDS],
  pausedBy: PAUSES,
  length: 3,
  unit: 'workingDays',
  actor: 'agency',
  calendar: 'agency',
  note: 'A term of NĐ 152/2026 with no counterpart before 1 July 2026. The notify step after the valuation is the notice.',
} as const;

const buyerPays = {
  id: 'buyer-payment',
  row: '33',
  title: 'Người mua trúng đấu giá nộp tiền',
  trigger: 'auction',
  when: 'sold',
  satisfiedBy: ['collect'],
  satisfiedWhen: 'buyerPaidInFull',
  cancelledBy: CASE_ENDS_BUT_COMPLETION,
  unit: 'days',
  actor: 'buyer',
  calendar: 'civil',
  note: 'Met by the collect step that completes the price (`buyerPaidInFull`), not by an instalment; a new seizure or valuation does not cancel it.',
} as const;

const deliver = {
  id: 'deliver-sold-asset',
  row: '34',
  title: 'Giao tài sản cho người mua trúng đấu giá',
  trigger: 'collect',
  when: 'paymentAfterSale',
  satisfiedBy: ['deliver'],
  cancelledBy: CASE_ENDS_BUT_COMPLETION,
  pausedBy: PAUSES,
  unit: 'days',
  actor: 'agency',
  calendar: 'agency',
  note: 'Counted from the payment that completes the price (`buyerPaidInFull` on the collect step). Force majeure is not recorded.',
} as const;

const disburse = {
  id: 'disburse-collected',
  row: '35',
  title: 'Chi trả tiền thi hành án',
  trigger: 'collect',
  when: 'collectNotAwaitingDelivery',
  satisfiedBy: ['disburse'],
  cancelledBy: CASE_ENDS_BUT_COMPLETION,
  pausedBy: PAUSES,
  length: 10,
  unit: 'days',
  actor: 'agency',
  calendar: 'agency',
} as const;

const disburseAfterDelivery = {
  id: 'disburse-after-delivery',
  row: '35',
  title: 'Chi trả tiền bán tài sản sau khi giao tài sản',
  trigger: 'deliver',
  when: 'deliveryAfterSale',
  satisfiedBy: ['disburse'],
  cancelledBy: CASE_ENDS_BUT_COMPLETION,
  pausedBy: PAUSES,
  length: 10,
  unit: 'days',
  actor: 'agency',
  calendar: 'agency',
} as const;

export const ASSET_RULES: ReadonlyArray<DeadlineRule> = [
  { ...appraisalContract, regime: '2009', legalBasis: { law: LAW_2008, article: 'Điều 98.2' }, confidence: 'likely' },
  { ...appraisalContract, regime: '2015', legalBasis: { law: LAW_2014, article: 'Điều 98.2' }, confidence: 'sure' },
  {
    ...appraisalContract,
    regime: '2026',
    legalBasis: { law: LAW_2025, article: `Điều 82.1.b (${LENGTH_UNCONFIRMED_2026})` },
    confidence: 'unsure',
  },
  { ...auctionContract, regime: '2009', legalBasis: { law: LAW_2008, article: 'Điều 101' }, confidence: 'likely' },
  { ...auctionContract, regime: '2015', legalBasis: { law: LAW_2014, article: 'Điều 101.2' }, confidence: 'sure' },
  {
    ...auctionContract,
    regime: '2026',
    legalBasis: { law: LAW_2025, article: `Điều 83–84 (${LENGTH_UNCONFIRMED_2026})` },
    confidence: 'unsure',
  },
  { ...holdAuction, regime: '2009', legalBasis: { law: LAW_2008, article: 'Điều 101' }, confidence: 'likely' },
  { ...holdAuction, regime: '2015', legalBasis: { law: LAW_2014, article: 'Điều 101.2' }, confidence: 'sure' },
  {
    ...holdAuction,
    regime: '2026',
    legalBasis: { law: LAW_2025, article: `Điều 83–84 (${LENGTH_UNCONFIRMED_2026})` },
    confidence: 'unsure',
  },
  {
    ...failedAuctionNotice,
    length: 5,
    regime: '2009',
    legalBasis: { law: LAW_2008, article: 'Điều 104' },
    confidence: 'unsure',
  },
  {
    ...failedAuctionNotice,
    length: 5,
    regime: '2015',
    legalBasis: { law: LAW_2014, article: 'Điều 104.1' },
    confidence: 'sure',
  },
  {
    ...failedAuctionNotice,
    length: 2,
    regime: '2026',
    legalBasis: { law: DECREE_152_2026, article: 'Điều 65.6' },
    confidence: 'sure',
  },
  {
    ...notifyValuation,
    regime: '2026',
    legalBasis: { law: DECREE_152_2026, article: 'Điều 60.6' },
    confidence: 'sure',
  },
  // No 2009 entries for rows 33, 34 and the payout after delivery: decree rules (NĐ 58/2009/NĐ-CP), not read.
  {
    ...buyerPays,
    length: 15,
    regime: '2015',
    appliesFrom: DECREE_62_FROM,
    appliesUntil: '2020-04-30',
    legalBasis: { law: DECREE_62, article: 'Điều 27.3' },
    confidence: 'sure',
  },
  {
    ...buyerPays,
    length: 30,
    regime: '2015',
    appliesFrom: '2020-05-01',
    legalBasis: { law: DECREE_62_2020, article: 'Điều 27.3' },
    confidence: 'sure',
  },
  {
    ...buyerPays,
    length: 30,
    regime: '2026',
    legalBasis: { law: DECREE_152_2026, article: 'Điều 65.1' },
    confidence: 'sure',
    note: 'Extendable to 60 days by agreement of the parties and the buyer; the agreement is not recorded.',
  },
  {
    ...deliver,
    length: 30,
    regime: '2015',
    appliesFrom: DECREE_62_FROM,
    appliesUntil: '2024-12-31',
    legalBasis: { law: DECREE_62_2020, article: 'Điều 27.3' },
    confidence: 'sure',
    note: `${deliver.note} Up to 60 days in complex cases, which are not told apart.`,
  },
  {
    ...deliver,
    length: 60,
    regime: '2015',
    appliesFrom: '2025-01-01',
    legalBasis: { law: DECREE_62_2024, article: 'Điều 27.3' },
    confidence: 'likely',
  },
  {
    ...deliver,
    length: 60,
    regime: '2026',
    legalBasis: { law: DECREE_152_2026, article: 'Điều 67.1' },
    confidence: 'sure',
  },
  { ...disburse, regime: '2009', legalBasis: { law: LAW_2008, article: 'Điều 47' }, confidence: 'unsure' },
  { ...disburse, regime: '2015', legalBasis: { law: LAW_2014, article: 'Điều 47.5' }, confidence: 'sure' },
  {
    ...disburse,
    regime: '2026',
    legalBasis: { law: LAW_2025, article: `Điều 54; NĐ 152/2026/NĐ-CP Điều 30 (${LENGTH_UNCONFIRMED_2026})` },
    confidence: 'unsure',
  },
  {
    ...disburseAfterDelivery,
    regime: '2015',
    appliesFrom: DECREE_62_FROM,
    legalBasis: { law: DECREE_62, article: 'Điều 27.4' },
    confidence: 'sure',
  },
  {
    ...disburseAfterDelivery,
    regime: '2026',
    legalBasis: { law: DECREE_152_2026, article: `Điều 30 (${LENGTH_UNCONFIRMED_2026})` },
    confidence: 'unsure',
  },
];
