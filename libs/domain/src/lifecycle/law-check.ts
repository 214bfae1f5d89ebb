/** What a guard of the law answers: allowed, or what is missing, in the office's words with the article. */
export type LawCheck = { ok: true } | { ok: false; missing: string };

export const ALLOWED: LawCheck = { ok: true };
export const missing = (text: string): LawCheck => ({ ok: false, missing: text });

/** How sure the reading of the law behind a rule is (docs/law.md). */
export type RuleConfidence = 'sure' | 'likely' | 'unsure';
