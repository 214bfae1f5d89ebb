import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { asProblem, fieldErrors } from '../../api/problem';
import { useUnits } from '../../app/units';
import { DATE_FORMAT, formatDate, today } from '../../format/date';
import { MoneyInput } from '../../format/MoneyInput';
import { useI18n } from '../../i18n/i18n';
import { caseKey } from './case-queries';
import type { CaseView, StepDescription, StepFieldDescription } from './case-types';
import { inClerkWords, isRequired, isShown, stepBody, StepFormValues, withRefusalField } from './step-body';

interface Props {
  view: CaseView;
  description: StepDescription;
  onDone(): void;
  onCancel(): void;
}

/**
 * The form of one step, drawn from the API's description of it (GET /api/steps): exactly its
 * fields, its reason codes with their labels, required where the API requires them. The API
 * judges the step; what it refuses is shown beside the field it concerns, and nothing is recorded.
 */
export const StepForm = ({ view, description, onDone, onCancel }: Props) => {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const units = useUnits();
  const [form] = Form.useForm<StepFormValues>();
  const values = (Form.useWatch([], form) ?? {}) as StepFormValues;
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const words = (w: { vi: string; en: string }) => (language === 'vi' ? w.vi : w.en);
  // A correction voids the latest effective step: the form names it, the clerk says why.
  const fixed: StepFormValues =
    description.step === 'correct' ? { correctsEventId: view.latestStep?.eventId ?? undefined } : {};

  const submit = async (typed: StepFormValues) => {
    setBusy(true);
    setGeneral([]);
    try {
      const body = stepBody(description, { ...typed, ...fixed }, view.revision);
      const { error, response } = await api.POST('/api/cases/{caseId}/steps', {
        params: { path: { caseId: view.caseId } },
        body: body as never,
      });
      if (response.ok) {
        void message.success(t('step.form.done', { step: words(description.label) }));
        await queries.invalidateQueries({ queryKey: caseKey(view.caseId) });
        await queries.invalidateQueries({ queryKey: ['case-history', view.caseId] });
        onDone();
        return;
      }
      const problem = inClerkWords(withRefusalField(asProblem(error)), view, t);
      if (problem?.code === 'case.revision-conflict') {
        await queries.invalidateQueries({ queryKey: caseKey(view.caseId) });
        setGeneral([t('step.form.conflict')]);
        return;
      }
      const names = description.fields.map((f) => f.name);
      const spread = fieldErrors(problem, names, t);
      form.setFields(names.map((name) => ({ name, errors: spread.byField.get(name) ?? [] })));
      const basis =
        typeof problem?.legalBasis === 'string' ? [t('step.form.basis', { basis: problem.legalBasis })] : [];
      setGeneral(
        spread.general.length ? [...spread.general, ...basis] : spread.byField.size ? [t('step.form.refused')] : [],
      );
    } catch {
      setGeneral([t('problem.network')]);
    } finally {
      setBusy(false);
    }
  };

  const input = (field: StepFieldDescription) => {
    const label = words(field.label);
    switch (field.kind) {
      case 'date':
        return <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} aria-label={label} />;
      case 'money':
        return <MoneyInput aria-label={label} />;
      case 'enum':
        return (
          <Select
            allowClear={!field.required}
            placeholder={t('step.form.select')}
            aria-label={label}
            options={field.options?.map((o) => ({ value: o.value, label: words(o.label) }))}
          />
        );
      case 'unit':
        return (
          <Select
            showSearch
            optionFilterProp="label"
            placeholder={t('step.form.select')}
            aria-label={label}
            options={(units.data ?? [])
              .filter((u) => u.unitId !== view.unitId)
              .map((u) => ({ value: u.unitId, label: `${u.name} (${u.unitId})` }))}
          />
        );
      case 'boolean':
        return <Checkbox>{t('step.form.yes')}</Checkbox>;
      case 'text':
        return field.name === 'note' || field.name === 'reason' || field.name === 'description' ? (
          <Input.TextArea rows={2} maxLength={2000} aria-label={label} />
        ) : (
          <Input maxLength={300} aria-label={label} />
        );
      default:
        return <Input maxLength={100} aria-label={label} />;
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ on: today() }}
      data-testid={`step-form-${description.step}`}
    >
      <Typography.Paragraph type="secondary">
        {t('step.form.basis', { basis: description.legalBasis })}
      </Typography.Paragraph>
      {description.step === 'correct' && view.latestStep && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('case.correct.latest', { step: view.latestStep.stepLabel, date: formatDate(view.latestStep.on) })}
        />
      )}
      {general.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          message={general.map((g) => (
            <div key={g}>{g}</div>
          ))}
        />
      )}
      {description.fields
        .filter((f) => f.name in fixed === false && isShown(f, values))
        .map((field) => (
          <Form.Item
            key={field.name}
            name={field.name}
            label={words(field.label)}
            extra={field.help ? words(field.help) : undefined}
            valuePropName={field.kind === 'boolean' ? 'checked' : 'value'}
            rules={[
              {
                required: isRequired(field, values),
                message: t('step.form.required', { field: words(field.label).toLowerCase() }),
              },
            ]}
          >
            {input(field)}
          </Form.Item>
        ))}
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('step.form.submit')}
        </Button>
        <Button onClick={onCancel}>{t('step.form.cancel')}</Button>
      </Space>
    </Form>
  );
};
