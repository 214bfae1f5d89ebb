/** What /api/docs says of the report forms (docs/reports.md has the whole of it). */
export const FORM_DESCRIPTION = [
  'A statistical form of the regime in force on `to` (TT 05/2024/TT-BTP from 26/07/2024; docs/reports.md), for `unitId` and its subunits, cumulative from 1 October: the period may not cross reporting years.',
  'JSON: `{ form, unitId, from, to, regime, columns: [{ key, number, label }], rows: [{ unitId, rowKey, label, depth, cells }], totals }`, every figure a string; column keys are the report keys of GET /api/statistics. Money forms (02, 05) are in nghìn đồng, rounded as `rounding` says, so every identity in `identities` holds on the printed figures.',
  "`format=csv|html|xlsx` gives the same figures as CSV, the A4 landscape print view, or an Excel workbook. `asKnownAt` reproduces the form as known at a log position or instant. `basis=submitted` builds a higher level's form from its subunits' latest submissions and names those that sent none (`consolidated.notSubmitted`).",
].join('\n\n');
