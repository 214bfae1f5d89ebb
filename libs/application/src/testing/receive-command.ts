import { CaseCommand } from '@thads/domain';

/** A small case received on 3 March 2025 at a unit: the fixture of the write-path and reorganisation specs. */
export const receiveCommand = (caseId: string, unitId: string): CaseCommand => ({
  kind: 'receive',
  caseId,
  on: '2025-03-03',
  today: '2025-03-03',
  data: {
    unitId,
    origin: 'onRequest',
    judgment: { court: 'TAND', number: '4/2025/DS-ST', date: '2025-01-10' },
    creditor: { name: 'A' },
    debtor: { name: 'B' },
    amountDue: '900',
  },
});
