import { CaseReceivedData, StepData, StepName } from './events';
import { LocalDate } from './local-date';

/**
 * Commands are imperative requests. `today` is the local date of the clock that stamped the
 * command (Asia/Ho_Chi_Minh): it comes in with the command so that `decide` stays pure.
 */
export interface ReceiveCase {
  kind: 'receive';
  caseId: string;
  on: LocalDate;
  today: LocalDate;
  data: Omit<CaseReceivedData, 'caseId'>;
}

export interface TakeStep<S extends StepName = StepName> {
  kind: 'step';
  caseId: string;
  step: S;
  on: LocalDate;
  today: LocalDate;
  data: StepData[S] & { note?: string };
}

export type CaseCommand = ReceiveCase | TakeStep;
