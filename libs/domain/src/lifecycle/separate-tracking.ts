import { addYears, LocalDate } from '../local-date';
import { Origin, WithoutConditionsGround } from '../reasons';
import { Regime, regimeOn } from '../regime';

/**
 * When a case without conditions may leave the active caseload, by regime (docs/domain.md §2.1 step 7,
 * §9.2 row 8). The regime is the one in force on the date of the move: a step taken from 1 July
 * 2026 follows NĐ 152/2026/NĐ-CP even for a case classified earlier (its Điều 115: steps done
 * under the old law keep their effect, the next ones follow the new decree). The deadline of the
 * move (deadlines/starts.ts) asks this same guard, so the two never answer under two regimes.
 */
export interface SeparateTrackingRule {
  minYears: number;
  /** Longer wait when the debtor's address is unknown (NĐ 62/2015 Điều 9.5.a). */
  minYearsAddressUnknown: number;
  /** Verifications after the decision of lack of conditions (the periodic ones of Điều 44.2). */
  minVerifications: number;
  /** From 2026 an on-request case is closed by sending the request back instead (NĐ 152/2026 Điều 22.2). */
  origins: ReadonlyArray<Origin>;
  legalBasis: string;
}

export const SEPARATE_TRACKING_RULES: Record<Regime, SeparateTrackingRule> = {
  // Before 1 July 2015 the law returned requests ("trả đơn") instead; no separate rule was found,
  // so the 2015 conditions are applied [unsure: docs/domain.md §1 "trả đơn yêu cầu"].
  '2009': {
    minYears: 1,
    minYearsAddressUnknown: 2,
    minVerifications: 2,
    origins: ['exOfficio', 'onRequest'],
    legalBasis: 'NĐ 62/2015/NĐ-CP Điều 9.5 (áp dụng tương tự)',
  },
  '2015': {
    minYears: 1,
    minYearsAddressUnknown: 2,
    minVerifications: 2,
    origins: ['exOfficio', 'onRequest'],
    legalBasis: 'NĐ 62/2015/NĐ-CP Điều 9.5 (sửa đổi bởi NĐ 33/2020/NĐ-CP)',
  },
  // "đã xác minh theo khoản 3 Điều 38 của Luật" — at least one verification after the decision.
  '2026': {
    minYears: 2,
    minYearsAddressUnknown: 2,
    minVerifications: 1,
    origins: ['exOfficio'],
    legalBasis: 'Luật THADS 106/2025/QH15 Điều 38.4; NĐ 152/2026/NĐ-CP Điều 22.1',
  },
};

/** Sending the request back exists only from 1 July 2026, for on-request cases (NĐ 152/2026 Điều 22.2). */
export const RETURN_REQUEST_RULE = {
  from: '2026-07-01',
  minYears: 2,
  minVerifications: 1,
  legalBasis: 'Luật THADS 106/2025/QH15 Điều 38.4; NĐ 152/2026/NĐ-CP Điều 22.2',
} as const;

export interface WithoutConditionsRecord {
  since: LocalDate;
  ground?: WithoutConditionsGround;
  /** Periodic verifications since the decision: one per period of the rhythm (verification-rhythm.ts). */
  verifications: number;
  /** The rhythm period of the latest counted verification; -1 before any. */
  countedPeriod: number;
}

export type LongTermCheck = { ok: true } | { ok: false; missing: string };

export const checkSeparateTracking = (
  origin: Origin,
  record: WithoutConditionsRecord | undefined,
  on: LocalDate,
): LongTermCheck => {
  if (!record) return { ok: false, missing: 'chưa có quyết định về việc chưa có điều kiện thi hành' };
  const regime = regimeOn(on);
  // Before 1 July 2009 no regime is modelled: no rule, never a later law's.
  if (!regime) return { ok: false, missing: `không có quy định được mô hình hóa cho ngày ${on} (trước 01/07/2009)` };
  const rule = SEPARATE_TRACKING_RULES[regime];
  if (!rule.origins.includes(origin))
    return { ok: false, missing: `việc theo yêu cầu phải gửi lại yêu cầu (${RETURN_REQUEST_RULE.legalBasis})` };
  const years = record.ground === 'addressUnknown' ? rule.minYearsAddressUnknown : rule.minYears;
  return checkWaitAndVerifications(record, on, years, rule.minVerifications, rule.legalBasis);
};

export const checkReturnRequest = (
  origin: Origin,
  record: WithoutConditionsRecord | undefined,
  on: LocalDate,
): LongTermCheck => {
  if (on < RETURN_REQUEST_RULE.from)
    return { ok: false, missing: `chỉ áp dụng từ ${RETURN_REQUEST_RULE.from} (${RETURN_REQUEST_RULE.legalBasis})` };
  if (origin !== 'onRequest') return { ok: false, missing: 'chỉ áp dụng cho việc thi hành theo yêu cầu' };
  if (!record) return { ok: false, missing: 'chưa có quyết định về việc chưa có điều kiện thi hành' };
  return checkWaitAndVerifications(
    record,
    on,
    RETURN_REQUEST_RULE.minYears,
    RETURN_REQUEST_RULE.minVerifications,
    RETURN_REQUEST_RULE.legalBasis,
  );
};

const checkWaitAndVerifications = (
  record: WithoutConditionsRecord,
  on: LocalDate,
  years: number,
  verifications: number,
  basis: string,
): LongTermCheck => {
  const earliest = addYears(record.since, years);
  if (on < earliest)
    return { ok: false, missing: `chưa đủ ${years} năm kể từ ${record.since} (sớm nhất ${earliest}; ${basis})` };
  if (record.verifications < verifications) {
    return {
      ok: false,
      missing: `cần ít nhất ${verifications} lần xác minh sau quyết định, mới có ${record.verifications} (${basis})`,
    };
  }
  return { ok: true };
};
