import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { Anchor } from './anchor';

/** A line of the anchor file, parsed when it is an anchor at all. */
export interface AnchorLine {
  line: number;
  anchor?: Anchor;
  error?: string;
}

const FIELDS: Array<[keyof Anchor, string]> = [
  ['v', 'number'],
  ['seq', 'number'],
  ['at', 'string'],
  ['reason', 'string'],
  ['after', 'string'],
  ['position', 'string'],
  ['count', 'number'],
  ['blockSize', 'string'],
  ['blocks', 'object'],
  ['lastId', 'string'],
  ['prevDigest', 'string'],
  ['digest', 'string'],
  ['keyFingerprint', 'string'],
  ['signature', 'string'],
];

const parseLine = (text: string, line: number): AnchorLine => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { line, error: 'not JSON' };
  }
  if (value === null || typeof value !== 'object') return { line, error: 'not an object' };
  const missing = FIELDS.filter(([k, t]) => typeof (value as Record<string, unknown>)[k] !== t).map(([k]) => k);
  if (missing.length) return { line, error: `missing or mistyped: ${missing.join(', ')}` };
  const a = value as Anchor;
  if (
    !/^-?\d+$/.test(a.after) ||
    !/^\d+$/.test(a.position) ||
    !/^[1-9]\d*$/.test(a.blockSize) ||
    !Array.isArray(a.blocks)
  )
    return { line, error: 'positions or blocks malformed' };
  return { line, anchor: a };
};

/** Every line of the file (none when it does not exist); blank lines are skipped. */
export const readAnchorLines = (file: string): AnchorLine[] => {
  if (!existsSync(file)) return [];
  const out: AnchorLine[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      if (text.trim() !== '') out.push(parseLine(text, i + 1));
    });
  return out;
};

/** The file's last `bytes` bytes (or all of it), from the start of a line when cut and `lines`. */
const tailOf = (file: string, bytes: number, lines = true): { text: string; whole: boolean } => {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const start = Math.max(0, size - bytes);
    const buffer = Buffer.alloc(size - start);
    readSync(fd, buffer, 0, buffer.length, start);
    const text = buffer.toString('utf8');
    return start === 0 || !lines
      ? { text, whole: start === 0 }
      : { text: text.slice(text.indexOf('\n') + 1), whole: false };
  } finally {
    closeSync(fd);
  }
};

/**
 * The last lines of the file, read from its end (an anchor line is under 8 kB): the writer and the
 * API look for the latest anchor often, and the file only grows. Line numbers are left out (0).
 */
export const readLastAnchorLines = (file: string, bytes = 64 * 1024): { lines: AnchorLine[]; whole: boolean } => {
  if (!existsSync(file)) return { lines: [], whole: true };
  const { text, whole } = tailOf(file, bytes);
  return {
    lines: text
      .split('\n')
      .filter((t) => t.trim() !== '')
      .map((t) => parseLine(t, 0)),
    whole,
  };
};

/** Appends one line, created 0600, and waits for the disk: an anchor lost in a crash protects nothing. */
export const appendAnchorLine = (file: string, anchor: Anchor): void => {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const fd = openSync(file, 'a', 0o600);
  try {
    // A line cut by a crash before its newline would glue the next one to it.
    const size = fstatSync(fd).size;
    const tail = size > 0 && !tailOf(file, 1, false).text.endsWith('\n') ? '\n' : '';
    writeSync(fd, `${tail}${JSON.stringify(anchor)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

const LOCK_STALE_MS = 60_000;

/**
 * Runs `write` holding `<file>.lock` (created exclusively), so that the API and `thads import`
 * or `thads anchor` never append two anchors that both claim to follow the same one. A lock left
 * by a crashed process is taken over after a minute.
 */
export const withAnchorLock = async <T>(file: string, write: () => Promise<T>, waitMs = 30_000): Promise<T> => {
  const lock = `${file}.lock`;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx', 0o600));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS) {
          unlinkSync(lock);
          continue;
        }
      } catch {
        continue;
      }
      if (Date.now() > deadline) throw new Error(`the anchor file is locked by another process (${lock})`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  try {
    return await write();
  } finally {
    try {
      unlinkSync(lock);
    } catch {
      /* already gone: nothing to release */
    }
  }
};
