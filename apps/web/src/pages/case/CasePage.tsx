import { HistoryOutlined } from '@ant-design/icons';
import { Button, Col, Collapse, Result, Row, Skeleton, Space, Spin, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../i18n/i18n';
import './case.css';
import { CaseFacts } from './CaseFacts';
import { useCase } from './case-queries';
import { CaseTimeline } from './CaseTimeline';
import { DeadlineList } from './DeadlineList';
import { StepActions } from './StepActions';

// mermaid is larger than the whole console: its drawing loads only when opened.
const LifecycleDrawing = lazy(() => import('./LifecycleDrawing'));

export const historyLink = (caseId: string): string => `/viec/${encodeURIComponent(caseId)}/lich-su`;

/**
 * /viec/{caseId}: the case file. State, amounts, parties and judgment; the steps allowed now,
 * each with the form the API describes; deadlines with their legal basis; the timeline with its
 * corrections; the lifecycle drawing with the current state marked.
 */
const CasePage = () => {
  const { caseId = '' } = useParams();
  const { t } = useI18n();
  const { may } = useAuth();
  const navigate = useNavigate();
  const view = useCase(caseId);
  if (view.isPending) return <Skeleton active />;
  if (view.isError) {
    const status = view.error instanceof ApiError ? view.error.status : 500;
    return (
      <Result
        status={status === 403 ? '403' : status === 404 ? '404' : 'error'}
        title={
          status === 403 ? t('problem.forbidden') : status === 404 ? t('case.notFound', { caseId }) : t('app.error')
        }
      />
    );
  }
  const c = view.data;
  return (
    <div data-testid="case-page" data-revision={c.revision}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('case.title', { caseId: c.caseId })}
        </Typography.Title>
        {may('history.read') && (
          <Button icon={<HistoryOutlined />} onClick={() => void navigate(historyLink(c.caseId))}>
            {t('case.history')}
          </Button>
        )}
      </Space>
      <CaseFacts view={c} />
      <Row gutter={12}>
        <Col xs={24} xl={14}>
          <StepActions view={c} />
          <div style={{ height: 12 }} />
        </Col>
        <Col xs={24} xl={10}>
          {may('history.read') && <CaseTimeline caseId={c.caseId} />}
        </Col>
      </Row>
      <DeadlineList deadlines={c.deadlines} />
      <Collapse
        destroyOnHidden
        items={[
          {
            key: 'drawing',
            label: t('case.drawing.show'),
            children: (
              <Suspense fallback={<Spin />}>
                <LifecycleDrawing state={c.state} />
              </Suspense>
            ),
          },
        ]}
      />
    </div>
  );
};
export default CasePage;
