import { CaseCommand, ReceiveCase, StepData, StepName, TakeStep } from '@thads/domain';
import { CreateCaseRequest } from './create-case-request';
import { StepRequest } from './step-request';

/** Which request fields each step records; everything else is envelope or validation. */
const FIELDS: { [S in StepName]: ReadonlyArray<keyof StepData[S] & keyof StepRequest> } = {
  refuse: ['reason'], decide: ['decisionNumber', 'limitationGround'], assign: ['enforcerId'], notify: ['recipient', 'to'], verify: ['findingOn'],
  classify: ['class', 'ground', 'groundOn'], seize: ['assetKind', 'description', 'immediateGround'],
  value: ['price', 'assetKind', 'contractOn'], signAuctionContract: [], auction: ['result', 'price', 'contractOn'],
  deliver: [], collect: ['amount', 'buyerPaidInFull'], disburse: ['amount'],
  reduce: ['amount', 'court', 'decisionNumber', 'decisionOn', 'stateBudgetItem', 'reliefGround'], complete: [],
  terminate: ['reason', 'groundOn'], postpone: ['reason', 'groundOn'], suspend: ['reason', 'groundOn'], resume: ['groundOn'],
  moveToSeparateTracking: [], restore: [], entrust: ['toUnitId', 'groundOn'], revoke: [], returnRequest: [],
  correct: ['correctsEventId', 'reason'],
};

export const toStepCommand = (caseId: string, request: StepRequest): TakeStep => {
  const data: Record<string, unknown> = {};
  for (const key of FIELDS[request.step] as ReadonlyArray<keyof StepRequest>) if (request[key] !== undefined) data[key] = request[key];
  if (request.note !== undefined) data.note = request.note;
  return { kind: 'step', caseId, step: request.step, on: request.on, today: request.on, data } as TakeStep;
};

export const toReceiveCommand = (caseId: string, r: CreateCaseRequest): ReceiveCase => ({
  kind: 'receive',
  caseId,
  on: r.on,
  today: r.on,
  data: {
    unitId: r.unitId, origin: r.origin,
    judgment: {
      court: r.judgment.court, number: r.judgment.number, date: r.judgment.date,
      ...(r.judgment.effectiveOn !== undefined ? { effectiveOn: r.judgment.effectiveOn } : {}),
    },
    creditor: { name: r.creditor.name }, debtor: { name: r.debtor.name }, amountDue: r.amountDue,
    ...(r.obligation !== undefined ? { obligation: r.obligation } : {}),
    ...(r.interimMeasure !== undefined ? { interimMeasure: r.interimMeasure } : {}),
    ...(r.bankruptcyDecision !== undefined ? { bankruptcyDecision: r.bankruptcyDecision } : {}),
    ...(r.note !== undefined ? { note: r.note } : {}),
  },
});

export type { CaseCommand };
