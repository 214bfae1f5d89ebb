import { FormDefinition } from './form-definition';
import { resultsColumns, resultsIdentities } from './results-columns';

export interface Regime {
  /** The instrument, as cited. */
  regime: string;
  appliesFrom: string;
  appliesUntil?: string;
  /** Where its list of forms is. */
  formsArticle: string;
  /** What was read of it (docs/domain.md §4.1, §9.6, §9.8). */
  layoutNote: string;
}

const FORM_TITLES: ReadonlyArray<[string, string]> = [
  ['01', 'Kết quả thi hành án dân sự tính bằng việc'],
  ['02', 'Kết quả thi hành án dân sự tính bằng tiền'],
  ['03', 'Kết quả thu ngân sách nhà nước từ thi hành án dân sự'],
  ['04', 'Kết quả thi hành án dân sự tính bằng việc theo cơ quan và Chấp hành viên'],
  ['05', 'Kết quả thi hành án dân sự tính bằng tiền theo cơ quan và Chấp hành viên'],
  ['06', 'Kết quả xét miễn, giảm thi hành án đối với khoản thu nộp ngân sách nhà nước'],
  ['07', 'Kết quả áp dụng biện pháp bảo đảm, cưỡng chế thi hành án'],
  ['08', 'Kết quả giải quyết khiếu nại, tố cáo về thi hành án dân sự'],
  ['09', 'Kết quả tiếp công dân'],
  ['10', 'Kết quả kiểm tra, thanh tra'],
  ['11', 'Kết quả bồi thường nhà nước trong thi hành án dân sự'],
  ['12', 'Kết quả theo dõi thi hành án hành chính'],
];

/** Why a form is listed but not built: what its figures would need that no event records. */
const NOT_CARRIED: Record<string, string> = {
  '03': 'Thu ngân sách nhà nước: a collection (MoneyCollected) does not say whether it is owed to the State budget (án phí, tiền phạt, tịch thu) or to a private creditor; only miễn/giảm names the budget item.',
  '06': "Miễn, giảm: the events record the court's decision (ObligationReduced) but not the office's requests (hồ sơ đề nghị) nor the court's refusals, which the form counts; the amounts reduced are in form 02, column \"Miễn, giảm thi hành án\".",
  '07': 'Biện pháp bảo đảm, cưỡng chế: only seizures (AssetsSeized) are recorded; account blocking, temporary holds and the other measures, and the coercion decisions the form counts, are not events of this engine.',
  '08': 'Khiếu nại, tố cáo: complaints are not recorded by this engine.',
  '09': 'Tiếp công dân: citizen reception is not recorded by this engine.',
  '10': 'Kiểm tra, thanh tra: inspections are not recorded by this engine.',
  '11': 'Bồi thường nhà nước: no event marks a case as a State-compensation case.',
  '12': 'Thi hành án hành chính: administrative judgments are outside this engine.',
};

/**
 * One regime's forms. The results forms (01, 02, 04, 05) are built from the statistics ledger;
 * the others are listed with why they are not. A later regime is a new `Regime` entry.
 */
export const regimeForms = (r: Regime): FormDefinition[] =>
  FORM_TITLES.map(([id, title]): FormDefinition => {
    const common = {
      id,
      regime: r.regime,
      appliesFrom: r.appliesFrom,
      ...(r.appliesUntil ? { appliesUntil: r.appliesUntil } : {}),
      title,
      basis: `${r.regime} ${r.formsArticle}, biểu số ${id}`,
    };
    const why = NOT_CARRIED[id];
    if (why) return { available: false, ...common, why };
    const money = id === '02' || id === '05';
    return {
      available: true,
      ...common,
      measure: money ? 'money' : 'cases',
      unit: money ? 'nghìn đồng' : 'việc',
      rows: id === '04' || id === '05' ? 'enforcers' : 'subunits',
      splitByOrigin: id === '01' || id === '02',
      withinReportingYear: true,
      layoutKnown: false,
      layoutNote: r.layoutNote,
      columns: resultsColumns(money),
      identities: resultsIdentities(money),
    };
  });
