import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { downloadWithToken } from '../history/download';
import type { Period } from './stats-queries';

/** The report forms built from the same figures (GET /api/reports/{form}; docs/reports.md). */
const FORMS = ['01', '02', '04', '05'] as const;
const FORMATS = [
  { format: 'xlsx', label: 'Excel (.xlsx)' },
  { format: 'csv', label: 'CSV' },
  { format: 'html', label: 'HTML (để in)' },
] as const;

export const ReportDownloads = ({ period }: { period: Period }) => {
  const { t } = useI18n();
  const { message } = App.useApp();
  const download = async (form: string, format: string) => {
    const query = new URLSearchParams({
      unitId: period.unitId,
      from: period.from,
      to: period.to,
      ...(period.asKnownAt && { asKnownAt: period.asKnownAt }),
      format,
    });
    try {
      // The token goes in the header (never in a URL), so the file is fetched, then saved.
      await downloadWithToken(
        `/api/reports/${form}?${query}`,
        `bieu-${form}-${period.unitId}-${period.from}-${period.to}.${format}`,
      );
    } catch (error) {
      void message.error(
        t('stats.form.failed', { form, reason: error instanceof Error ? error.message : String(error) }),
      );
    }
  };
  return (
    <Space wrap className="no-print" data-testid="report-forms">
      <Typography.Text>{t('stats.forms')}:</Typography.Text>
      {FORMS.map((form) => (
        <Dropdown
          key={form}
          trigger={['click']}
          menu={{
            items: FORMATS.map((f) => ({ key: f.format, label: f.label })),
            onClick: ({ key }) => void download(form, key),
          }}
        >
          <Button size="small" icon={<DownloadOutlined />}>
            {t('stats.form', { form })}
          </Button>
        </Dropdown>
      ))}
    </Space>
  );
};
