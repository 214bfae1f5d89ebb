import { FileAddOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  Radio,
  Row,
  Space,
  TreeSelect,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { asProblem, fieldErrors } from '../../api/problem';
import { useAuth } from '../../app/auth';
import { unitTree, useUnits } from '../../app/units';
import { caseLink } from '../../app/routes';
import { DATE_FORMAT, formatDate, toLocalDate, today } from '../../format/date';
import { MoneyInput } from '../../format/MoneyInput';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/vi';

type CreateCase = components['schemas']['CreateCaseRequest'];

interface Values {
  unitId: string;
  origin: CreateCase['origin'];
  on?: Dayjs;
  court?: string;
  judgmentNumber?: string;
  judgmentDate?: Dayjs;
  creditor?: string;
  debtor?: string;
  amountDue?: string;
  obligation?: string;
  interimMeasure?: boolean;
  note?: string;
}

/** Each field of the request (its path in the body, as the API names it in its errors) and of the form. */
const FIELDS: ReadonlyArray<{ path: string; name: keyof Values; label: MessageKey }> = [
  { path: 'unitId', name: 'unitId', label: 'receive.unit' },
  { path: 'origin', name: 'origin', label: 'receive.origin' },
  { path: 'on', name: 'on', label: 'receive.on' },
  { path: 'judgment.court', name: 'court', label: 'receive.court' },
  { path: 'judgment.number', name: 'judgmentNumber', label: 'receive.judgmentNumber' },
  { path: 'judgment.date', name: 'judgmentDate', label: 'receive.judgmentDate' },
  { path: 'creditor.name', name: 'creditor', label: 'receive.creditor' },
  { path: 'debtor.name', name: 'debtor', label: 'receive.debtor' },
  { path: 'amountDue', name: 'amountDue', label: 'receive.amountDue' },
  { path: 'obligation', name: 'obligation', label: 'receive.obligation' },
  { path: 'interimMeasure', name: 'interimMeasure', label: 'receive.interim' },
  { path: 'note', name: 'note', label: 'receive.note' },
];
/** A nested object refused as a whole ("judgment must be an object") concerns its first field. */
const PARENTS: Record<string, string> = {
  judgment: 'judgment.number',
  creditor: 'creditor.name',
  debtor: 'debtor.name',
};

const toRequest = (v: Values): CreateCase => ({
  unitId: v.unitId,
  origin: v.origin,
  on: toLocalDate(v.on) ?? '',
  judgment: {
    court: v.court?.trim() ?? '',
    number: v.judgmentNumber?.trim() ?? '',
    date: toLocalDate(v.judgmentDate) ?? '',
  },
  creditor: { name: v.creditor?.trim() ?? '' },
  debtor: { name: v.debtor?.trim() ?? '' },
  amountDue: v.amountDue ?? '',
  ...(v.obligation?.trim() && { obligation: v.obligation.trim() }),
  ...(v.interimMeasure && { interimMeasure: true }),
  ...(v.note?.trim() && { note: v.note.trim() }),
});

/** The API's dates (YYYY-MM-DD) in its messages, as the clerk writes them. */
const clerkDates = (text: string) => text.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (d) => formatDate(d));

/**
 * /thu-ly: receiving a judgment, decision or request (POST /api/cases). The API judges every
 * entry; what it refuses is shown beside the field it concerns, and nothing is recorded.
 */
const ReceivePage = () => {
  const { t } = useI18n();
  const { me } = useAuth();
  const { message } = App.useApp();
  const units = useUnits();
  const queries = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [general, setGeneral] = useState<string[]>([]);
  const [received, setReceived] = useState<string>();
  const [busy, setBusy] = useState(false);
  // One key per form filled: a submission repeated after a lost answer records the case once.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const tree = useMemo(() => unitTree(units.data ?? [], me?.unitId ?? ''), [units.data, me]);

  const submit = async (values: Values) => {
    setBusy(true);
    setGeneral([]);
    setReceived(undefined);
    try {
      const { data, error, response } = await api.POST('/api/cases', {
        body: toRequest(values),
        params: { header: { 'Idempotency-Key': idempotencyKey } },
      });
      if (response.ok) {
        const caseId = (data as unknown as { caseId: string }).caseId;
        setReceived(caseId);
        message.success(t('receive.done', { caseId }));
        form.resetFields();
        setIdempotencyKey(crypto.randomUUID());
        await queries.invalidateQueries({ queryKey: ['cases'] });
        return;
      }
      const spread = fieldErrors(asProblem(error), [...FIELDS.map((f) => f.path), ...Object.keys(PARENTS)], t);
      const byName = new Map<string, string[]>();
      for (const [path, messages] of spread.byField) {
        const field = FIELDS.find((f) => f.path === (PARENTS[path] ?? path))!;
        byName.set(field.name, [...(byName.get(field.name) ?? []), ...messages.map(clerkDates)]);
      }
      form.setFields(FIELDS.map((f) => ({ name: f.name, errors: byName.get(f.name) ?? [] })));
      setGeneral([...(byName.size ? [t('receive.formError')] : []), ...spread.general.map(clerkDates)]);
    } catch {
      setGeneral([t('problem.network')]);
    } finally {
      setBusy(false);
    }
  };

  const required = (label: MessageKey) => [
    { required: true, message: t('receive.required', { field: t(label).toLowerCase() }) },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 960 }}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('receive.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('receive.intro')}</Typography.Text>
      </div>
      {received && (
        <Alert
          type="success"
          showIcon
          message={t('receive.done', { caseId: received })}
          data-testid="receive-done"
          data-case-id={received}
          action={<Link to={caseLink(received)}>{t('receive.openCase')}</Link>}
        />
      )}
      {general.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="receive-errors"
          message={general[0]}
          description={general.slice(1).join('\n') || undefined}
        />
      )}
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          requiredMark="optional"
          scrollToFirstError
          initialValues={{ unitId: me?.unitId, origin: 'onRequest', on: today() }}
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="unitId" label={t('receive.unit')} rules={required('receive.unit')}>
                <TreeSelect treeData={tree} treeDefaultExpandAll />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="origin" label={t('receive.origin')} rules={required('receive.origin')}>
                <Radio.Group
                  options={[
                    { value: 'onRequest', label: t('origin.onRequest') },
                    { value: 'exOfficio', label: t('origin.exOfficio') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="on" label={t('receive.on')} rules={required('receive.on')}>
                <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item name="court" label={t('receive.court')} rules={required('receive.court')}>
                <Input maxLength={200} placeholder="Tòa án nhân dân…" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="judgmentNumber"
                label={t('receive.judgmentNumber')}
                rules={required('receive.judgmentNumber')}
              >
                <Input maxLength={100} placeholder="45/2024/DS-ST" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="judgmentDate" label={t('receive.judgmentDate')} rules={required('receive.judgmentDate')}>
                <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="amountDue"
                label={t('receive.amountDue')}
                extra={t('receive.amountHint')}
                rules={required('receive.amountDue')}
              >
                <MoneyInput />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="creditor" label={t('receive.creditor')} rules={required('receive.creditor')}>
                <Input maxLength={300} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="debtor" label={t('receive.debtor')} rules={required('receive.debtor')}>
                <Input maxLength={300} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="obligation" label={t('receive.obligation')}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="interimMeasure" valuePropName="checked">
                <Checkbox>{t('receive.interim')}</Checkbox>
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="note" label={t('receive.note')}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
            </Col>
          </Row>
          <Button
            type="primary"
            htmlType="submit"
            icon={<FileAddOutlined />}
            loading={busy}
            data-testid="receive-submit"
          >
            {t('receive.submit')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
};
export default ReceivePage;
