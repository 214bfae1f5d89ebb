import { CaseCommand, StepData, StepName } from '@thads/domain';
import { RecordedEvent } from '@thads/event-store';
import { EMPTY_FOLD, foldRecorded } from '../case-fold';
import { CommandContext } from '../envelope';
import { prepareWrite } from '../prepare-write';

export const TEST_CASE_ID = 'h-1';
const ACTOR = { id: 'chv-07', role: 'enforcer', unitId: 'kg-pq' } as const;

/** One line of a recorded past: a step, its business date, and when it was recorded (default: that day, 10:00 local). */
export interface PastStep {
  step: StepName | 'receive';
  on: string;
  recordedAt?: string;
  data?: Record<string, unknown>;
}

const commandOf = (p: PastStep): CaseCommand =>
  p.step === 'receive'
    ? {
        kind: 'receive',
        caseId: TEST_CASE_ID,
        on: p.on,
        today: p.on,
        data: {
          unitId: 'kg-pq',
          origin: 'onRequest',
          judgment: { court: 'TAND huyện Phú Quốc', number: '45/2024/DS-ST', date: '2024-12-10' },
          creditor: { name: 'Ngân hàng TMCP Công thương' },
          debtor: { name: 'Trần Văn Bình' },
          amountDue: '228188311000',
          ...p.data,
        } as never,
      }
    : {
        kind: 'step',
        caseId: TEST_CASE_ID,
        step: p.step,
        on: p.on,
        today: p.on,
        data: (p.data ?? {}) as StepData[StepName],
      };

/**
 * A case stream as the store would hold it, written through the pure half of the write path,
 * so decisions, envelopes and hashes are the real ones. `id(n)` names the n-th event.
 */
export const recordCase = (steps: ReadonlyArray<PastStep>): RecordedEvent[] => {
  const out: RecordedEvent[] = [];
  for (const p of steps) {
    const fold = out.reduce(foldRecorded, EMPTY_FOLD);
    const context: CommandContext = {
      actor: ACTOR,
      recordedAt: new Date(p.recordedAt ?? `${p.on}T03:00:00.000Z`),
      commandId: `cmd-${out.length}`,
      correlationId: `cmd-${out.length}`,
    };
    const { write } = prepareWrite(fold, commandOf(p), context);
    for (const e of write.events)
      out.push({
        ...e,
        id: `e-${out.length}`,
        streamId: write.streamId,
        revision: BigInt(out.length),
        position: BigInt(100 + out.length),
      });
  }
  return out;
};
