import { CreditorKind, JudgmentKind } from '@thads/domain';
import { seededRandom } from './random';

/** A string's 32-bit FNV-1a hash: a seed of its own for each case. */
const hash = (text: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

const CRIMINAL: JudgmentKind[] = ['criminalCorruption', 'criminalEconomic', 'criminalOther'];

/**
 * What a demo case is about (issue 27), drawn from a generator seeded by its id, so adding kinds
 * left the rest of the demo data as it was. The creditor's name says what it is; some cases are
 * an individual's; a State-budget receipt comes mostly from a criminal judgment (fines, confiscation).
 */
export const demoKinds = (
  caseId: string,
  creditor: string,
): { creditorKind: CreditorKind; judgmentKind: JudgmentKind } => {
  const rnd = seededRandom(hash(caseId));
  const named: CreditorKind = /^(Ngân hàng|Quỹ tín dụng)/.test(creditor)
    ? 'creditInstitution'
    : /^Ngân sách/.test(creditor)
      ? 'stateBudget'
      : 'organisation';
  const creditorKind: CreditorKind = named !== 'stateBudget' && rnd.chance(0.3) ? 'individual' : named;
  const judgmentKind: JudgmentKind =
    creditorKind === 'stateBudget'
      ? rnd.chance(0.8)
        ? rnd.pick(CRIMINAL)
        : 'administrative'
      : creditorKind === 'creditInstitution'
        ? rnd.chance(0.85)
          ? 'commercial'
          : 'criminalEconomic'
        : rnd.pick<JudgmentKind>(['civil', 'civil', 'civil', 'commercial', 'labour']);
  return { creditorKind, judgmentKind };
};

/** A generator of its own for what the demo adds beside its main walk (kinds, seasonality, long cases). */
export const sideRandom = (key: string) => seededRandom(hash(key));
