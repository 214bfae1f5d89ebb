import { BuiltForm, FormDefinition } from './form-definition';
import { regimeForms } from './regime-forms';
import { TT_05_2024, TT_05_2026_PROVISIONAL, TT_06_2019 } from './tt-05-2024';

export * from './form-definition';

/** Every regime's forms, oldest first: the one in force on a period's end is chosen. */
export const FORMS: ReadonlyArray<FormDefinition> = [TT_06_2019, TT_05_2024, TT_05_2026_PROVISIONAL].flatMap(
  regimeForms,
);

export const FORM_IDS: ReadonlyArray<string> = [...new Set(FORMS.map((f) => f.id))];

/** The form `id` of the regime in force on `periodEnd`, or undefined (none for that day). */
export const formInForce = (id: string, periodEnd: string): FormDefinition | undefined =>
  FORMS.find((f) => f.id === id && periodEnd >= f.appliesFrom && (!f.appliesUntil || periodEnd <= f.appliesUntil));

export const isBuilt = (f: FormDefinition): f is BuiltForm => f.available;
