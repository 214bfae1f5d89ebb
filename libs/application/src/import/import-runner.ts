import { randomUUID } from 'node:crypto';
import { Actor, UnitRuleViolation } from '@thads/domain';
import { EventStore } from '@thads/event-store';
import { Appender, BatchWriter } from '../batch-writer';
import { Clock } from '../clock';
import { CommandContext } from '../envelope';
import { problemOf } from '../problems';
import { UnitRegistry } from '../unit-registry';
import { UnknownUnit } from '../errors';
import { UnitRequest } from '../requests/unit-request';
import { ImportLine, ImportLineError, parseImportLine } from './import-line';

/** A line of the file, parsed and validated, or why not; blank lines are not counted. */
export interface ParsedLine {
  lineNo: number;
  line?: ImportLine;
  error?: { code: string; detail: string };
}

export const parseLine = (text: string, lineNo: number, now: Date): ParsedLine => {
  try {
    return { lineNo, line: parseImportLine(text, lineNo, now) };
  } catch (error) {
    if (error instanceof ImportLineError) return { lineNo, error: { code: error.code, detail: error.message } };
    throw error;
  }
};

/** Parses lines as they come; blank lines are skipped but keep the numbering of the file. */
export async function* parseLines(lines: AsyncIterable<string>, now: Date): AsyncIterable<ParsedLine> {
  let lineNo = 0;
  for await (const text of lines) {
    lineNo++;
    if (text.trim() !== '') yield parseLine(text, lineNo, now);
  }
}

export interface Rejection {
  line: number;
  code: string;
  detail: string;
}

export interface ImportSummary {
  lines: number;
  applied: number;
  /** Lines whose events were in the store already (the same file imported before): nothing appended. */
  alreadyApplied: number;
  rejected: Rejection[];
}

/**
 * Applies a JSONL stream of units, received cases and steps in order, through the batch writer.
 * A rejected line is reported with its number and code and does not stop the import.
 */
export class ImportRunner {
  private readonly runId = randomUUID();

  constructor(
    private readonly store: EventStore,
    private readonly units: UnitRegistry,
    private readonly clock: Clock,
    private readonly actor: Actor,
    private readonly options: {
      batchSize?: number;
      appender?: Appender;
      onProgress?: (lines: number) => void;
      onRejected?: (r: Rejection) => void;
    } = {},
  ) {}

  run(lines: AsyncIterable<string>): Promise<ImportSummary> {
    return this.runParsed(parseLines(lines, this.clock.now()));
  }

  async runParsed(items: AsyncIterable<ParsedLine>): Promise<ImportSummary> {
    const summary: ImportSummary = { lines: 0, applied: 0, alreadyApplied: 0, rejected: [] };
    const reject = (r: Rejection) => {
      summary.rejected.push(r);
      this.options.onRejected?.(r);
    };
    const writer = new BatchWriter(
      this.store,
      (line, outcome) => {
        if (outcome.result?.replayed) summary.alreadyApplied++;
        else if (outcome.result) summary.applied++;
        else reject(rejectionOf(line, outcome.error));
      },
      this.options.batchSize,
      this.options.appender,
    );
    for await (const { lineNo, line, error } of items) {
      summary.lines++;
      if (error) reject({ line: lineNo, ...error });
      else {
        try {
          const unit = await this.apply(writer, line!, lineNo);
          if (unit) summary[unit.replayed ? 'alreadyApplied' : 'applied']++;
        } catch (failure) {
          reject(rejectionOf(lineNo, failure));
        }
      }
      if (summary.lines % 1000 === 0) this.options.onProgress?.(summary.lines);
    }
    await writer.flush();
    this.options.onProgress?.(summary.lines);
    return summary;
  }

  /** A unit's outcome, which is known at once; case lines are counted when their batch lands. */
  private async apply(
    writer: BatchWriter,
    parsed: ImportLine,
    lineNo: number,
  ): Promise<{ replayed?: boolean } | undefined> {
    const now = this.clock.now();
    const context: CommandContext = {
      actor: parsed.actor ?? this.actor,
      recordedAt: parsed.recordedAt ?? now,
      commandId: randomUUID(),
      correlationId: this.runId,
    };
    if (parsed.kind === 'unit') {
      await writer.flush();
      return this.registerUnit(parsed.unit, { ...context, idempotencyKey: parsed.idempotencyKey });
    }
    if (parsed.command.kind === 'receive') await this.units.require(parsed.command.data.unitId, 'unitId');
    // An entrustment goes only to a registered enforcement agency existing that day (Luật THADS Điều 55–57).
    if (parsed.command.kind === 'step' && parsed.command.step === 'entrust') {
      await this.units.requireEntrustee((parsed.command.data as { toUnitId: string }).toUnitId, parsed.command.on);
    }
    await writer.submit(
      lineNo,
      parsed.command,
      { ...context, idempotencyKey: parsed.idempotencyKey },
      parsed.expectedRevision,
    );
    return undefined;
  }

  /**
   * A unit registered already exactly as the line says (by the demo data, or by an import from
   * before unit lines had keys) is that line already applied; one registered otherwise is refused.
   */
  private async registerUnit(unit: UnitRequest, context: CommandContext): Promise<{ replayed?: boolean }> {
    try {
      return await this.units.register({ ...unit }, context);
    } catch (error) {
      if (!(error instanceof UnitRuleViolation) || error.rule !== 'unit.already-exists') throw error;
      const stored = await this.units.find(unit.unitId);
      const same =
        stored &&
        stored.name === unit.name &&
        stored.level === unit.level &&
        (stored.parentId ?? null) === (unit.parentId ?? null) &&
        (stored.from ?? null) === (unit.from ?? null) &&
        (stored.until ?? null) === (unit.until ?? null);
      if (!same) throw error;
      return { replayed: true };
    }
  }
}

const rejectionOf = (line: number, error: unknown): Rejection => {
  if (error instanceof ImportLineError) return { line, code: error.code, detail: error.message };
  if (error instanceof UnknownUnit) return { line, code: 'unit.not-found', detail: error.message };
  const problem = problemOf(error);
  if (problem) return { line, code: problem.code, detail: problem.detail };
  throw error;
};
