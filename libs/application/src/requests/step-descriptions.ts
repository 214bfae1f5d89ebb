import { CODE_LABELS, CODE_LABELS_EN, STEP_LABELS, STEP_LABELS_EN, STEP_NAMES, StepName } from '@thads/domain';
import { wordsOf } from './step-field-words';
import { COMMON_STEP_FIELDS, STEP_FIELDS, StepField, StepFieldKind } from './step-fields';

export interface StepFieldDescription {
  name: string;
  kind: StepFieldKind;
  required: boolean;
  /** Required only when another field holds a value. */
  requiredWhen?: { field: string; equals: string };
  label: { vi: string; en: string };
  help?: { vi: string; en: string };
  options?: Array<{ value: string; label: { vi: string; en: string } }>;
}

export interface StepDescription {
  step: StepName;
  label: { vi: string; en: string };
  legalBasis: string;
  fields: StepFieldDescription[];
}

const describeField = (step: StepName, f: StepField): StepFieldDescription => {
  const words = wordsOf(step, f.name);
  return {
    name: f.name,
    kind: f.kind,
    required: f.required === true,
    ...(typeof f.required === 'object' && { requiredWhen: f.required }),
    label: { vi: words?.vi ?? f.name, en: words?.en ?? f.name },
    ...(words?.helpVi && { help: { vi: words.helpVi, en: words.helpEn ?? words.helpVi } }),
    ...(f.options && {
      options: f.options.map((value) => ({
        value,
        label: { vi: CODE_LABELS[value] ?? value, en: CODE_LABELS_EN[value] ?? value },
      })),
    }),
  };
};

/**
 * GET /api/steps: each step with its label, legal basis and the fields its form shows (the step's
 * date first, the note last), from the one table of step fields (step-fields.ts). The console
 * draws every step form from this, so a new step needs no form written by hand.
 */
export const stepDescriptions = (): StepDescription[] =>
  STEP_NAMES.map((step) => {
    const [on, note] = COMMON_STEP_FIELDS;
    return {
      step,
      label: { vi: STEP_LABELS[step], en: STEP_LABELS_EN[step] },
      legalBasis: STEP_FIELDS[step].legalBasis,
      fields: [on, ...(STEP_FIELDS[step].fields as ReadonlyArray<StepField>), note].map((f) => describeField(step, f)),
    };
  });
