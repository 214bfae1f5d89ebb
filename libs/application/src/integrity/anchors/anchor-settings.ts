import { join } from 'node:path';

/** Where the anchors and their key live, and how often the API writes one (docs/integrity.md). */
export interface AnchorSettings {
  /** The Ed25519 key (PEM), outside the database; created 0600 when absent. */
  keyFile: string;
  /** The anchors, one JSON line each, appended only. */
  file: string;
  /** An anchor once this many positions were appended since the last (0: never on a count). */
  everyEvents: number;
  /** An anchor this often when anything was appended (0: never on a timer). */
  everyMinutes: number;
}

export const ANCHOR_VARIABLES = [
  'THADS_ANCHOR_KEY_FILE',
  'THADS_ANCHOR_FILE',
  'THADS_ANCHOR_EVERY_EVENTS',
  'THADS_ANCHOR_EVERY_MINUTES',
] as const;

/**
 * 500 events or 5 minutes: what a database writer can alter without any anchor seeing it is at
 * most that much, and an anchor over 500 events costs a few milliseconds (docs/integrity.md).
 */
export const DEFAULT_ANCHOR_EVERY = { events: 500, minutes: 5 };

const count = (env: NodeJS.ProcessEnv, name: string, fallback: number): number => {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number (0 turns it off), not ${text}`);
  return n;
};

export const anchorSettingsFromEnv = (env: NodeJS.ProcessEnv, dataDir: string): AnchorSettings => ({
  keyFile: env.THADS_ANCHOR_KEY_FILE || join(dataDir, 'anchor-key.pem'),
  file: env.THADS_ANCHOR_FILE || join(dataDir, 'anchors.jsonl'),
  everyEvents: count(env, 'THADS_ANCHOR_EVERY_EVENTS', DEFAULT_ANCHOR_EVERY.events),
  everyMinutes: count(env, 'THADS_ANCHOR_EVERY_MINUTES', DEFAULT_ANCHOR_EVERY.minutes),
});
