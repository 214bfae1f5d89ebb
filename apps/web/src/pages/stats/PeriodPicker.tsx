import { DatePicker, Select, Space } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { DATE_FORMAT, formatDate, toLocalDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n';
import { cumulativePeriod, presetOf, reportingYearOf } from './reporting-period';

const DAY = 'YYYY-MM-DD';

/**
 * The reporting period: a reporting year (from 1 October) and how many months of it, counted
 * from 1 October (1 tháng … 3/6/9 tháng … năm), or any range.
 */
export const PeriodPicker = ({
  from,
  to,
  today,
  onChange,
}: {
  from: string;
  to: string;
  today: string;
  onChange: (from: string, to: string) => void;
}) => {
  const { t } = useI18n();
  const preset = presetOf(from, to);
  const year = preset?.year ?? reportingYearOf(to);
  const thisYear = reportingYearOf(today);
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  return (
    <Space wrap>
      <Select
        aria-label={t('stats.year')}
        style={{ width: 280 }}
        value={year}
        data-testid="period-year"
        options={years.map((y) => ({ value: y, label: t('stats.yearOption', { year: y, prev: y - 1 }) }))}
        onChange={(y: number) => {
          const p = cumulativePeriod(y, preset?.months ?? 12);
          onChange(p.from, p.to);
        }}
      />
      <Select
        aria-label={t('stats.period')}
        style={{ width: 230 }}
        value={preset ? String(preset.months) : 'range'}
        data-testid="period-months"
        options={[
          ...months.map((m) => ({
            value: String(m),
            label:
              m === 12
                ? t('stats.wholeYear')
                : t('stats.monthsUntil', { months: m, to: formatDate(cumulativePeriod(year, m).to) }),
          })),
          { value: 'range', label: t('stats.anyRange'), disabled: true },
        ]}
        onChange={(m: string) => {
          const p = cumulativePeriod(year, Number(m));
          onChange(p.from, p.to);
        }}
      />
      <DatePicker.RangePicker
        format={DATE_FORMAT}
        allowClear={false}
        value={[dayjs(from, DAY), dayjs(to, DAY)]}
        aria-label={t('stats.range')}
        placeholder={[t('stats.rangeFrom'), t('stats.rangeTo')]}
        onChange={(range: [Dayjs | null, Dayjs | null] | null) => {
          const [a, b] = [toLocalDate(range?.[0]), toLocalDate(range?.[1])];
          if (a && b) onChange(a, b);
        }}
      />
    </Space>
  );
};
