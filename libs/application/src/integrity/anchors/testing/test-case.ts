import { CaseCommand, StepData, StepName } from '@thads/domain';
import { EventStore } from '@thads/event-store';
import { CaseWritePath } from '../../../case-write-path';

const STEPS: Array<[StepName, string, Partial<StepData[StepName]>]> = [
  ['decide', '2025-02-03', {}],
  ['assign', '2025-02-04', { enforcerId: 'chv-07' }],
  ['notify', '2025-02-05', {}],
  ['verify', '2025-02-25', {}],
  ['classify', '2025-02-27', { class: 'withConditions' }],
  ['seize', '2025-03-10', {}],
  ['value', '2025-03-14', {}],
  ['collect', '2025-03-20', { amount: '1000000' }],
];

/** For tests: a case of 9 events (revisions 0–8) through the real write path, so hashes are real. */
export const writeTestCase = async (store: EventStore, caseId: string, steps = STEPS.length): Promise<void> => {
  const path = new CaseWritePath(store);
  const context = () => ({
    actor: { id: 'chv-07', role: 'enforcer' as const, unitId: 'kg-pq' },
    recordedAt: new Date('2026-01-10T03:00:00Z'),
    commandId: 'c',
    correlationId: 'c',
  });
  await path.execute(
    {
      kind: 'receive',
      caseId,
      on: '2025-01-24',
      today: '2026-01-10',
      data: {
        unitId: 'kg-pq',
        origin: 'onRequest',
        judgment: { court: 'TAND', number: '45/2024/DS-ST', date: '2024-12-10' },
        creditor: { name: 'A' },
        debtor: { name: 'B' },
        amountDue: '228188311000',
      },
    },
    context(),
  );
  for (const [step, on, data] of STEPS.slice(0, steps))
    await path.execute({ kind: 'step', caseId, step, on, today: '2026-01-10', data } as CaseCommand, context());
};
