import { AnchorSummary } from '../integrity/anchors/anchor';

/**
 * The latest anchor as a printed history states it: enough for an auditor to check, later and
 * elsewhere, that the log still holds what this anchor vouched for (docs/integrity.md).
 */
export const anchorLine = (a: AnchorSummary, laterEvents = 0): string =>
  `số ${a.seq}, vị trí ${a.position} (${a.count} sự kiện), lúc ${a.at}, mã băm ${a.digest}, khóa ${a.keyFingerprint}` +
  (laterEvents > 0 ? `; ${laterEvents} sự kiện của bản này ghi sau mốc neo, chưa được mốc này bảo đảm` : '');

/**
 * The events of a history recorded after its anchor's position: the anchor does not vouch for
 * them yet (the window of docs/integrity.md), and the printout says so rather than implying it.
 */
export const eventsAfterAnchor = (events: ReadonlyArray<{ position: number }>, a: AnchorSummary): number =>
  events.filter((e) => e.position > Number(a.position)).length;
