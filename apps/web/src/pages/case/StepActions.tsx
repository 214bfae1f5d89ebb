import { EditOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Card, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../i18n/i18n';
import { useStepDescriptions } from './case-queries';
import type { CaseView } from './case-types';
import { StepForm } from './StepForm';

/** The steps the case allows now (GET /api/cases/{id} allowedSteps) that the role may take: one button each. */
export const StepActions = ({ view }: { view: CaseView }) => {
  const { t, language } = useI18n();
  const { may } = useAuth();
  const descriptions = useStepDescriptions();
  const [open, setOpen] = useState<string>();
  // A correction takes the right of the step it voids (libs/application/src/access/access-policy.ts).
  const mayTake = (step: string) => (step === 'correct' ? !!view.latestStep && may(view.latestStep.step) : may(step));
  const steps = view.allowedSteps.filter((s) => mayTake(s) && descriptions.data?.has(s));
  const description = open ? descriptions.data?.get(open) : undefined;
  const label = (step: string) => {
    const d = descriptions.data?.get(step);
    return d ? (language === 'vi' ? d.label.vi : d.label.en) : step;
  };
  return (
    <Card title={t('case.steps')} size="small" data-testid="step-actions">
      {steps.length === 0 && <Typography.Text type="secondary">{t('case.noSteps')}</Typography.Text>}
      <Space wrap>
        {steps
          .filter((s) => s !== 'correct')
          .map((step) => (
            <Button key={step} icon={<EditOutlined />} onClick={() => setOpen(step)} data-step={step}>
              {label(step)}
            </Button>
          ))}
        {steps.includes('correct') && (
          <Button danger icon={<RollbackOutlined />} onClick={() => setOpen('correct')} data-step="correct">
            {label('correct')}
          </Button>
        )}
      </Space>
      <Modal
        open={!!description}
        title={open ? label(open) : ''}
        footer={null}
        destroyOnHidden
        onCancel={() => setOpen(undefined)}
        width={560}
      >
        {description && (
          <StepForm
            view={view}
            description={description}
            onDone={() => setOpen(undefined)}
            onCancel={() => setOpen(undefined)}
          />
        )}
      </Modal>
    </Card>
  );
};
