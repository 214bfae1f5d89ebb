import { ID_PATTERN } from '@thads/application';
import { localDateProblem } from '@thads/domain';
import { ValidationProblem } from './problem.filter';

const FIRST_DAY = '1900-01-01';
const LAST_DAY = '2100-12-31';

/** Far beyond any page a client walks (the nation holds a few million cases), and an exact integer everywhere. */
export const MAX_OFFSET = 100_000_000;

/**
 * A request's query parameters, checked one by one; `done()` throws a 400 `validation` naming
 * every bad field at once. Express hands a repeated parameter (`?offset=1&offset=2`) over as
 * an array and a bracketed one as an object: both are refused here rather than reach a store.
 */
export class QueryParams {
  private readonly problems: string[] = [];

  constructor(private readonly query: Record<string, unknown>) {}

  /** A parameter given at most once, as text. */
  text(name: string): string | undefined {
    const value = this.query[name];
    if (value === undefined || typeof value === 'string') return value;
    this.problems.push(`${name} must be given once, as text`);
    return undefined;
  }

  required(name: string): string {
    const value = this.text(name);
    if (value === undefined || value === '') this.problems.push(`${name} is required`);
    return value ?? '';
  }

  /** A unit, case or user id. */
  id(name: string, required: boolean): string | undefined {
    const value = required ? this.required(name) : this.text(name);
    if (value && !ID_PATTERN.test(value))
      this.problems.push(`${name} must be an id (letters, digits, . _ -, at most 100)`);
    return value;
  }

  /** A whole number written in decimal digits only (no 1e3, 0x10, -0, spaces), within [min, max]. */
  integer(name: string, min: number, max: number, fallback: number): number {
    const value = this.text(name);
    if (value === undefined) return fallback;
    const n = /^\d{1,15}$/.test(value) ? Number(value) : NaN;
    if (n >= min && n <= max) return n;
    this.problems.push(`${name} must be an integer from ${min} to ${max}`);
    return fallback;
  }

  /**
   * A real calendar date YYYY-MM-DD (2025-02-31 is refused as not a real date), from 1900 to 2100 like the
   * calendar's years: the read models mark an open end with 9999-12-31, which a day asked for must never reach
   * (a review found asOf=9999-12-31 answering a list's total beside an empty page).
   */
  date(name: string, required: boolean): string | undefined {
    const value = this.text(name);
    if (value === undefined && !required) return undefined;
    const problem =
      localDateProblem(name, value) ??
      (value! < FIRST_DAY || value! > LAST_DAY ? `${name} must be a day from ${FIRST_DAY} to ${LAST_DAY}` : undefined);
    if (problem) this.problems.push(problem);
    return problem ? undefined : value;
  }

  /** Whole đồng as decimal digits (at most 18, exact in a 64-bit integer), like the request bodies' amounts. */
  amount(name: string): string | undefined {
    const value = this.text(name);
    if (value === undefined) return undefined;
    if (/^\d{1,18}$/.test(value)) return value.replace(/^0+(?=\d)/, '');
    this.problems.push(`${name} must be a whole number of đồng (digits only, at most 18)`);
    return undefined;
  }

  /** One of a fixed list. */
  oneOf<T extends string>(name: string, allowed: ReadonlyArray<T>): T | undefined {
    const value = this.text(name);
    if (value === undefined || (allowed as ReadonlyArray<string>).includes(value)) return value as T | undefined;
    this.problems.push(`${name} must be one of ${allowed.join(', ')}`);
    return undefined;
  }

  problem(text: string): void {
    this.problems.push(text);
  }

  done(): void {
    if (this.problems.length) throw new ValidationProblem(this.problems);
  }
}
