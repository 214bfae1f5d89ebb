import { UnprocessableEntityException } from '@nestjs/common';
import { addDays, existsOn, UnitHistory } from '@thads/domain';
import { KnownAt, ReadStore, UnitHistoryQueries } from '@thads/projections';

const VERB: Record<string, string> = {
  merge: 'đã sáp nhập vào',
  split: 'đã chia tách thành',
  rename: 'đã đổi thành',
  close: 'đã giải thể',
};

const ddmmyyyy = (day: string) => day.split('-').reverse().join('/');

/** The units that continue `h` and exist on `to`, through any reorganisation in between. */
const successorsOn = (histories: ReadonlyMap<string, UnitHistory>, h: UnitHistory, to: string): string[] => {
  const found = new Set<string>();
  const seen = new Set<string>([h.unitId]);
  const visit = (u: UnitHistory) => {
    for (const s of u.successors) {
      if (seen.has(s.unitId)) continue;
      seen.add(s.unitId);
      const next = histories.get(s.unitId);
      if (!next) continue;
      if (existsOn(next, to)) found.add(s.unitId);
      else visit(next);
    }
  };
  visit(h);
  return [...found];
};

/**
 * A form is the report of a unit that exists on the period's end (TT 05/2024/TT-BTP: each agency
 * reports its own caseload). A unit closed by a reorganisation before `to` has no form for that
 * period: its cases were transferred to its successors, which report them (docs/reorganisation.md
 * §7); built anyway, its rows would show money carried over and then gone, under no column. So the
 * form, and sending it, is refused with the successor to report instead: 422 report.unit-closed.
 * As known at `knownAt`: a form asked as known before the reorganisation was recorded is still served.
 */
export const assertUnitOpenOn = async (store: ReadStore, unitId: string, to: string, knownAt?: KnownAt) => {
  const histories = await new UnitHistoryQueries(store).histories(knownAt);
  const h = histories.get(unitId);
  if (!h || h.validTo === undefined || h.validTo >= to) return;
  const on = addDays(h.validTo, 1);
  const kind = h.successors.find((s) => s.on === on)?.kind ?? h.successors[0]?.kind ?? 'close';
  const successors = successorsOn(histories, h, to);
  const verb = successors.length ? (VERB[kind] ?? VERB.merge) : VERB.close;
  throw new UnprocessableEntityException({
    code: 'report.unit-closed',
    message:
      `Đơn vị ${unitId} ${verb}${successors.length ? ` ${successors.join(', ')}` : ''} từ ${ddmmyyyy(on)}` +
      (successors.length
        ? `: lập biểu của ${successors.join(', ')}`
        : `: không có biểu cho kỳ kết thúc ${ddmmyyyy(to)}`),
  });
};
