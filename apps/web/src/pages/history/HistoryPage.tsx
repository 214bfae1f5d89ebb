import { DownloadOutlined, PrinterOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Result,
  Row,
  Skeleton,
  Slider,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { caseLink } from '../../app/routes';
import { DATE_FORMAT, formatDate, toLocalDate } from '../../format/date';
import { formatMoney } from '../../format/money';
import { useI18n } from '../../i18n/i18n';
import { useAuth } from '../../app/auth';
import { useHistory, useStepDescriptions, useVerification } from '../case/case-queries';
import type { HistoryEntry } from '../case/case-types';
import { formatInstant } from '../case/CaseTimeline';
import { describeData, stepLabelOf } from '../case/describe-data';
import { downloadWithToken } from './download';
import '../case/case.css';
import './history.css';

const DAY = 'YYYY-MM-DD';

/**
 * /viec/{caseId}/lich-su: the auditor's view. The history as of any day (`asOf`, a slider over
 * the case's life or a date) and as the log knew it at any instant (`asKnownAt`); steps recorded
 * late marked; each correction beside the step it voids; the hash chain's check and the log's
 * latest anchor; CSV and print. The query is in the URL, so a view can be sent to a colleague.
 */
const HistoryPage = () => {
  const { caseId = '' } = useParams();
  const { t, tOr, language } = useI18n();
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? undefined;
  const asKnownAt = params.get('asKnownAt') ?? undefined;
  const whole = useHistory(caseId);
  const history = useHistory(caseId, asOf, asKnownAt, !!(asOf || asKnownAt));
  const shown = asOf || asKnownAt ? history : whole;
  const mayVerify = useAuth().may('history.verify');
  const verification = useVerification(caseId, mayVerify);
  const descriptions = useStepDescriptions();
  const [dragging, setDragging] = useState<number>();

  const set = (name: 'asOf' | 'asKnownAt', value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  // The slider runs over the case's life: from its receipt to today (or its latest step, if later).
  const range = useMemo(() => {
    const first = whole.data?.case?.receivedOn;
    if (!first) return undefined;
    const lastEvent = whole.data!.events.at(-1)?.on ?? first;
    const start = dayjs(first, DAY);
    const end = dayjs().isAfter(dayjs(lastEvent, DAY)) ? dayjs().startOf('day') : dayjs(lastEvent, DAY);
    const days = Math.max(1, end.diff(start, 'day'));
    const marks = Object.fromEntries(whole.data!.events.map((e) => [dayjs(e.on, DAY).diff(start, 'day'), ' ']));
    return { start, days, marks };
  }, [whole.data]);

  if (whole.isPending) return <Skeleton active />;
  if (whole.isError) {
    const status = whole.error instanceof ApiError ? whole.error.status : 500;
    return (
      <Result
        status={status === 403 ? '403' : status === 404 ? '404' : 'error'}
        title={
          status === 403 ? t('problem.forbidden') : status === 404 ? t('case.notFound', { caseId }) : t('app.error')
        }
      />
    );
  }
  const h = shown.data ?? whole.data;
  const byId = new Map(whole.data.events.map((e) => [e.id, e]));
  const sliderValue = dragging ?? (asOf && range ? dayjs(asOf, DAY).diff(range.start, 'day') : range?.days);

  const stepCell = (e: HistoryEntry) => {
    const correction = e.correctedBy ? byId.get(e.correctedBy) : undefined;
    const corrected = e.type === 'StepCorrected' ? byId.get(String(e.data.correctsEventId)) : undefined;
    return (
      <Space direction="vertical" size={2}>
        <span className="history-step-label">{stepLabelOf(e, descriptions.data, language)}</span>
        <Space size={4} wrap>
          {e.lateRecorded && (
            <Tag className="tag-late" data-testid="late-tag">
              {t('history.late', { days: e.recordingDelayDays })}
            </Tag>
          )}
          {correction && (
            <Tag className="tag-cancelled" data-testid="corrected-tag">
              {t('history.correctedBy', { revision: correction.revision })}
            </Tag>
          )}
          {corrected && <Tag className="tag-correction">{t('history.corrects', { revision: corrected.revision })}</Tag>}
          {!e.applied && !correction && e.type !== 'StepCorrected' && (
            <Tag className="tag-cancelled">{t('history.notApplied')}</Tag>
          )}
        </Space>
        {correction && (
          <Typography.Text className="text-correction">
            {t('case.timeline.correction', { reason: String(correction.data.reason ?? '') })}
          </Typography.Text>
        )}
      </Space>
    );
  };

  return (
    <div data-testid="history-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('history.title', { caseId })}
        </Typography.Title>
        <Space className="no-print">
          <Link to={caseLink(caseId)}>{t('history.backToCase')}</Link>
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              void downloadWithToken(
                `/api/cases/${encodeURIComponent(caseId)}/history?${new URLSearchParams({ ...(asOf && { asOf }), ...(asKnownAt && { asKnownAt }), format: 'csv' })}`,
                `case-${caseId}-history.csv`,
              )
            }
          >
            {t('history.csv')}
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('history.print')}
          </Button>
        </Space>
      </Space>
      <Typography.Paragraph type="secondary">
        {t('history.intro')} {t('history.lateRule', { days: h.lateRecordingDays })}
      </Typography.Paragraph>

      <Card size="small" className="no-print" style={{ marginBottom: 12 }}>
        <Row gutter={[16, 8]} align="middle">
          <Col xs={24} lg={10}>
            <Typography.Text id="as-of-label">{t('history.asOf')}</Typography.Text>
            {range && (
              <Slider
                min={0}
                max={range.days}
                marks={range.marks}
                value={sliderValue}
                ariaLabelForHandle={t('history.asOfSlider')}
                tooltip={{ formatter: (v) => (v === undefined ? '' : range.start.add(v, 'day').format(DATE_FORMAT)) }}
                onChange={(v) => setDragging(v)}
                onChangeComplete={(v) => {
                  setDragging(undefined);
                  set('asOf', v >= range.days ? undefined : range.start.add(v, 'day').format(DAY));
                }}
              />
            )}
          </Col>
          <Col xs={12} lg={5}>
            <DatePicker
              format={DATE_FORMAT}
              value={asOf ? dayjs(asOf, DAY) : null}
              placeholder={t('history.now')}
              style={{ width: '100%' }}
              aria-label={t('history.asOf')}
              data-testid="as-of"
              onChange={(d: Dayjs | null) => set('asOf', toLocalDate(d))}
            />
          </Col>
          <Col xs={12} lg={6}>
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format={`${DATE_FORMAT} HH:mm`}
              placeholder={t('history.asKnownAt')}
              style={{ width: '100%' }}
              aria-label={t('history.asKnownAt')}
              value={asKnownAt ? dayjs(asKnownAt) : null}
              // An instant with its offset: the office's clock is Vietnam's (UTC+7).
              onChange={(d: Dayjs | null) =>
                set('asKnownAt', d ? `${d.format('YYYY-MM-DDTHH:mm')}:00+07:00` : undefined)
              }
            />
          </Col>
          <Col xs={24} lg={3}>
            <Button onClick={() => setParams(new URLSearchParams(), { replace: true })}>{t('history.reset')}</Button>
          </Col>
        </Row>
      </Card>

      <Card size="small" style={{ marginBottom: 12 }} data-testid="history-state">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          title={
            [
              h.asOf && `${t('history.asOf')} ${formatDate(h.asOf)}`,
              h.asKnownAt && `${t('history.asKnownAt')} ${formatInstant(h.asKnownAt)}`,
            ]
              .filter(Boolean)
              .join(' · ') || t('history.now')
          }
        >
          <Descriptions.Item label={t('history.stateThen')}>
            <Tag className="tag-state" data-testid="history-state-label">
              {h.state ? tOr(`state.${h.state}`, h.stateLabel) : t('history.notYet')}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('case.amount.due')}>{formatMoney(h.amounts?.due)}</Descriptions.Item>
          <Descriptions.Item label={t('case.amount.collected')}>{formatMoney(h.amounts?.collected)}</Descriptions.Item>
          <Descriptions.Item label={t('case.amount.disbursed')}>{formatMoney(h.amounts?.disbursed)}</Descriptions.Item>
          <Descriptions.Item label={t('case.amount.remaining')}>{formatMoney(h.amounts?.remaining)}</Descriptions.Item>
          <Descriptions.Item label={t('case.debtor')}>
            {h.case?.debtor.name ?? whole.data.case?.debtor.name}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Table<HistoryEntry>
        className="history-table"
        size="small"
        rowKey="id"
        dataSource={h.events}
        pagination={false}
        loading={shown.isFetching}
        data-testid="history-events"
        rowClassName={(e) => (e.correctedBy ? 'history-row-corrected' : '')}
        title={() => t('history.events', { count: h.events.length })}
        columns={[
          { title: t('history.col.revision'), dataIndex: 'revision', width: 56 },
          { title: t('history.col.on'), render: (_, e) => formatDate(e.on), width: 100 },
          { title: t('history.col.step'), className: 'history-step', render: (_, e) => stepCell(e) },
          { title: t('history.col.content'), render: (_, e) => describeData(e, descriptions.data, language) },
          { title: t('history.col.stateAfter'), render: (_, e) => tOr(`state.${e.stateAfter}`, e.stateAfterLabel) },
          {
            title: t('history.col.remaining'),
            render: (_, e) => formatMoney(e.amountsAfter.remaining),
            align: 'right',
          },
          {
            title: t('history.col.recorded'),
            render: (_, e) => (
              <span>
                {formatInstant(e.recordedAt)}
                <br />
                <Typography.Text type="secondary">{e.actor.id}</Typography.Text>
              </span>
            ),
          },
        ]}
      />

      <Card
        size="small"
        title={
          <>
            <SafetyCertificateOutlined /> {t('history.integrity')}
          </>
        }
        style={{ marginTop: 12 }}
        data-testid="integrity"
      >
        {!mayVerify && <Alert type="info" showIcon message={t('history.integrity.forbidden')} />}
        {mayVerify && verification.isPending && <Skeleton.Input active />}
        {verification.isError && (
          <Alert
            type="info"
            showIcon
            message={
              verification.error instanceof ApiError && verification.error.status === 403
                ? t('history.integrity.forbidden')
                : t('app.error')
            }
          />
        )}
        {verification.data &&
          (verification.data.valid ? (
            <Alert
              type="success"
              showIcon
              message={t('history.integrity.ok', { checked: verification.data.checked })}
            />
          ) : (
            <Alert
              type="error"
              showIcon
              message={t('history.integrity.broken', {
                revision: verification.data.firstBroken?.revision ?? '?',
                reason: verification.data.firstBroken?.reason ?? '',
              })}
            />
          ))}
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
          {whole.data.anchor
            ? t('history.anchor', {
                seq: whole.data.anchor.seq,
                at: formatInstant(whole.data.anchor.at),
                count: whole.data.anchor.count,
                key: whole.data.anchor.keyFingerprint.slice(0, 16),
              })
            : t('history.anchor.none')}
        </Typography.Paragraph>
        {!!whole.data.eventsAfterAnchor && (
          <Typography.Text className="text-correction">
            {t('history.anchor.after', { count: whole.data.eventsAfterAnchor })}
          </Typography.Text>
        )}
      </Card>
    </div>
  );
};
export default HistoryPage;
