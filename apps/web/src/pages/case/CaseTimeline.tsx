import { Card, Tag, Timeline, Typography } from 'antd';
import { formatDate } from '../../format/date';
import './case.css';
import { useI18n } from '../../i18n/i18n';
import { useHistory, useStepDescriptions } from './case-queries';
import type { HistoryEntry } from './case-types';
import { describeData, stepLabelOf } from './describe-data';

export const formatInstant = (iso: string): string => {
  const d = new Date(iso);
  // Vietnam's time (UTC+7, no daylight saving), as the office reads its clock.
  const local = new Date(d.getTime() + 7 * 3600_000).toISOString();
  return `${formatDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
};

/** Every step of the case in order, a corrected one struck through beside its correction. */
export const CaseTimeline = ({ caseId }: { caseId: string }) => {
  const { t, language } = useI18n();
  const history = useHistory(caseId);
  const descriptions = useStepDescriptions();
  const events = history.data?.events ?? [];
  const byId = new Map(events.map((e) => [e.id, e]));
  const item = (e: HistoryEntry) => {
    const void_ = !!e.correctedBy;
    const correction = e.correctedBy ? byId.get(e.correctedBy) : undefined;
    return {
      key: e.id,
      color: void_ ? 'gray' : e.type === 'StepCorrected' ? 'orange' : !e.applied ? 'gray' : 'red',
      children: (
        <div data-testid="timeline-item">
          <Typography.Text strong delete={void_}>
            {formatDate(e.on)} · {stepLabelOf(e, descriptions.data, language)}
          </Typography.Text>
          {void_ && (
            <Tag className="tag-cancelled" style={{ marginInlineStart: 8 }}>
              {t('case.timeline.corrected')}
            </Tag>
          )}
          {!e.applied && !void_ && (
            <Tag className="tag-cancelled" style={{ marginInlineStart: 8 }}>
              {t('case.timeline.notApplied')}
            </Tag>
          )}
          {e.lateRecorded && (
            <Tag className="tag-late" style={{ marginInlineStart: 8 }}>
              {t('case.timeline.late', { days: e.recordingDelayDays })}
            </Tag>
          )}
          <div>
            <Typography.Text type="secondary">{describeData(e, descriptions.data, language)}</Typography.Text>
          </div>
          {correction && (
            <div>
              <Typography.Text className="text-correction">
                {t('case.timeline.correction', { reason: String(correction.data.reason ?? '') })} (
                {formatDate(correction.on)})
              </Typography.Text>
            </div>
          )}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('case.timeline.by', { actor: e.actor.id, at: formatInstant(e.recordedAt) })}
            </Typography.Text>
          </div>
        </div>
      ),
    };
  };
  return (
    <Card size="small" title={t('case.timeline')} loading={history.isPending} style={{ marginBottom: 12 }}>
      <Timeline items={events.map(item)} />
    </Card>
  );
};
