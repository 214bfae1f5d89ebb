import { AnchorSummary } from '../integrity/anchors/anchor';

/**
 * The latest anchor as a printed history states it: enough for an auditor to check, later and
 * elsewhere, that the log still holds what this anchor vouched for (docs/integrity.md).
 */
export const anchorLine = (a: AnchorSummary): string =>
  `số ${a.seq}, vị trí ${a.position} (${a.count} sự kiện), lúc ${a.at}, mã băm ${a.digest}, khóa ${a.keyFingerprint}`;
