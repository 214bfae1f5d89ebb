import { DeadlineRule } from './deadline-rule';
import { ASSET_RULES } from './rules-assets';
import { OPENING_RULES } from './rules-opening';
import { SIDE_DECISION_RULES } from './rules-side-decisions';
import { VERIFICATION_RULES } from './rules-verification';

/** Every procedural deadline the engine checks, each regime's variant as its own entry. */
export const DEADLINE_RULES: ReadonlyArray<DeadlineRule> = [
  ...OPENING_RULES, ...VERIFICATION_RULES, ...SIDE_DECISION_RULES, ...ASSET_RULES,
];
