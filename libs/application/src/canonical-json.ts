// Object keys repeat from event to event (the same envelope, the same step data): quote each
// once. The set is bounded because request DTOs whitelist their fields; the cap guards the rest.
const QUOTED = new Map<string, string>();
const quote = (key: string): string => {
  let quoted = QUOTED.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (QUOTED.size < 10_000) QUOTED.set(key, quoted);
  }
  return quoted;
};

/**
 * JSON with object keys sorted at every depth and `undefined` dropped, so that the same value
 * always hashes to the same bytes whatever order its keys were written in. It is the input of
 * every event's hash: its output must never change (canonical-json.spec.ts pins it).
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length > 1) keys.sort();
  let out = '';
  for (const key of keys) {
    const v = record[key];
    if (v === undefined) continue;
    out += `${out ? ',' : ''}${quote(key)}:${canonicalJson(v)}`;
  }
  return `{${out}}`;
};
