import { formatDate } from '../../format/date';
import { formatMoney } from '../../format/money';
import type { HistoryEntry, StepDescription } from './case-types';

/**
 * What a recorded step said, in the words of its form (GET /api/steps): "Số tiền (đồng): 1.500.000 đ;
 * Căn cứ đình chỉ: Người được thi hành từ bỏ quyền". The receipt is shown by the case's facts.
 */
export const describeData = (
  entry: HistoryEntry,
  descriptions: Map<string, StepDescription> | undefined,
  language: 'vi' | 'en',
): string => {
  const description = entry.step ? descriptions?.get(entry.step) : undefined;
  if (!description) return '';
  const words = (w: { vi: string; en: string }) => (language === 'vi' ? w.vi : w.en);
  return description.fields
    .filter((f) => f.name !== 'on' && f.name !== 'correctsEventId' && entry.data[f.name] !== undefined)
    .map((f) => {
      const raw = entry.data[f.name];
      const value =
        f.kind === 'money'
          ? formatMoney(String(raw))
          : f.kind === 'date'
            ? formatDate(String(raw))
            : f.kind === 'enum'
              ? words(f.options?.find((o) => o.value === raw)?.label ?? { vi: String(raw), en: String(raw) })
              : f.kind === 'boolean'
                ? raw
                  ? '✓'
                  : '✗'
                : String(raw);
      return `${words(f.label)}: ${value}`;
    })
    .join('; ');
};

/** A step's label in the console's language, from the API's description (the history carries the Vietnamese). */
export const stepLabelOf = (
  entry: HistoryEntry,
  descriptions: Map<string, StepDescription> | undefined,
  language: 'vi' | 'en',
): string => {
  const d = entry.step ? descriptions?.get(entry.step) : undefined;
  return d && language === 'en' ? d.label.en : entry.stepLabel;
};
