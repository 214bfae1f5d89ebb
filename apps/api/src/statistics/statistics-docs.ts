import { POLICY_LIST } from '@thads/projections';

/** The report's meaning, for /api/docs: identities, representations and every counting policy. */
export const REPORT_DESCRIPTION = [
  'Báo cáo thống kê THADS (docs/domain.md §4.4) for a unit and its subunits, for the period `from`..`to` (business dates, inclusive).',
  'Keys are fixed (docs/architecture.md §6). `cases` are counts (numbers); `money` are whole đồng as decimal strings; `rate` is a percentage string with 2 decimals, half-up ("47.30").',
  'Identities: total = carriedOver + newlyAccepted; toExecute = total − entrustedOut − revoked = withConditions + withoutConditions; resolved = completed + terminated (+ reduced for money); withConditions = resolved + inProgress + postponed + suspended; carriedForward = toExecute − resolved; unclassified is inside inProgress; separateTracking is the register at `to`, outside the identities.',
  '`entrustedIn` gives, of `newlyAccepted`, the cases received by entrustment (nhận ủy thác, Luật THADS Điều 55–57) and their amounts; it sits outside `cases` and `money`, whose keys are fixed, and appears only when there are some.',
  '`asKnownAt` (a log position, an ISO instant, or a date = end of that day in Vietnam) reproduces the report from only the steps known then. `minPosition` waits (up to 5 s) for the read model to include a write.',
  '`target` appears when targets were set for the unit and the reporting year of `to`: the period target for the number of months since 1 October, else the annual one; gaps in percentage points (positive = vượt, negative = thiếu). `samePeriodLastYear` is the same cumulative period one reporting year earlier.',
  'Counting policies (also at GET /api/statistics/policies):',
  ...POLICY_LIST.map((p) => `- **${p.id}** [${p.confidence}]: ${p.rule} (${p.source})`),
].join('\n\n');
