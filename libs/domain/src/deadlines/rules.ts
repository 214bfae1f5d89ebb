import { DeadlineRule } from './deadline-rule';
import { ASSET_RULES } from './rules-assets';
import { NOTICE_RULES } from './rules-notices';
import { OPENING_RULES } from './rules-opening';
import { RECEIVED_RULES } from './rules-received';
import { SIDE_DECISION_RULES } from './rules-side-decisions';
import { VERIFICATION_RULES } from './rules-verification';

/** Every procedural deadline the engine checks, each regime's variant as its own entry. */
export const DEADLINE_RULES: ReadonlyArray<DeadlineRule> = [
  ...OPENING_RULES,
  ...RECEIVED_RULES,
  ...NOTICE_RULES,
  ...VERIFICATION_RULES,
  ...SIDE_DECISION_RULES,
  ...ASSET_RULES,
];
