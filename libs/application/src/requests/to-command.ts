import { CaseCommand, ReceiveCase, TakeStep } from '@thads/domain';
import { CreateCaseRequest } from './create-case-request';
import { stepDataFields } from './step-fields';
import { StepRequest } from './step-request';

export const toStepCommand = (caseId: string, request: StepRequest): TakeStep => {
  const data: Record<string, unknown> = {};
  // What each step records is the table the console's forms are drawn from (step-fields.ts).
  for (const key of stepDataFields(request.step)) if (request[key] !== undefined) data[key] = request[key];
  if (request.note !== undefined) data.note = request.note;
  return { kind: 'step', caseId, step: request.step, on: request.on, today: request.on, data } as TakeStep;
};

export const toReceiveCommand = (caseId: string, r: CreateCaseRequest): ReceiveCase => ({
  kind: 'receive',
  caseId,
  on: r.on,
  today: r.on,
  data: {
    unitId: r.unitId,
    origin: r.origin,
    judgment: {
      court: r.judgment.court,
      number: r.judgment.number,
      date: r.judgment.date,
      ...(r.judgment.effectiveOn !== undefined ? { effectiveOn: r.judgment.effectiveOn } : {}),
      ...(r.judgment.kind !== undefined ? { kind: r.judgment.kind } : {}),
    },
    creditor: { name: r.creditor.name, ...(r.creditor.kind !== undefined ? { kind: r.creditor.kind } : {}) },
    debtor: { name: r.debtor.name },
    amountDue: r.amountDue,
    ...(r.obligation !== undefined ? { obligation: r.obligation } : {}),
    ...(r.interimMeasure !== undefined ? { interimMeasure: r.interimMeasure } : {}),
    ...(r.bankruptcyDecision !== undefined ? { bankruptcyDecision: r.bankruptcyDecision } : {}),
    ...(r.steeringCommittee !== undefined ? { steeringCommittee: r.steeringCommittee } : {}),
    ...(r.note !== undefined ? { note: r.note } : {}),
  },
});

export type { CaseCommand };
