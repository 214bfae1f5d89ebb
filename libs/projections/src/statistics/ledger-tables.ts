import { DdlTypes } from '../store/read-store';
import { TableSpec } from '../store/row-writes';

/**
 * `statistics_moves` keeps one row per case and ledger key an event moved, with the position and
 * the instant it became known (see CaseFolds): the drill-down lists cases from it, and
 * `asKnownAt` filters it. Its key starts with unit and day, so both read a unit's rows in one
 * range (clustered in SQLite: one range of pages, where a rowid table with an index reads a page
 * a row; README, Measurements behind the design).
 * `statistics_daily` sums the same moves by day for the unit and each unit above it, so a report
 * of any unit reads a few thousand rows whatever the number of cases beneath it.
 * `statistics_units` is the ledger's own copy of the unit tree (see unit-scopes.ts).
 * Money is a 64-bit integer: national sums of đồng fit with room to spare.
 */
export const ledgerSchema = (t: DdlTypes) => `
  CREATE TABLE IF NOT EXISTS statistics_units (unit_id TEXT PRIMARY KEY, parent_id TEXT);
  CREATE TABLE IF NOT EXISTS statistics_moves (
    unit_id TEXT NOT NULL, day TEXT NOT NULL, key TEXT NOT NULL, case_id TEXT NOT NULL,
    position ${t.int64} NOT NULL, known_at TEXT NOT NULL, n ${t.int64} NOT NULL, money ${t.int64} NOT NULL,
    PRIMARY KEY (unit_id, day, key, position, case_id)) ${t.clustered};
  CREATE TABLE IF NOT EXISTS statistics_daily (
    scope TEXT NOT NULL, day TEXT NOT NULL, key TEXT NOT NULL, n ${t.int64} NOT NULL, money ${t.int64} NOT NULL,
    PRIMARY KEY (scope, day, key)) ${t.clustered}`;

export const LEDGER_TABLES = ['statistics_units', 'statistics_moves', 'statistics_daily', 'statistics_case_clock'];

export const STATISTICS_UNITS: TableSpec = {
  table: 'statistics_units',
  columns: ['unit_id', 'parent_id'],
  key: ['unit_id'],
};
export const STATISTICS_MOVES: TableSpec = {
  table: 'statistics_moves',
  columns: ['unit_id', 'day', 'key', 'case_id', 'position', 'known_at', 'n', 'money'],
};
export const STATISTICS_DAILY: TableSpec = {
  table: 'statistics_daily',
  columns: ['scope', 'day', 'key', 'n', 'money'],
  key: ['scope', 'day', 'key'],
  add: ['n', 'money'],
};
