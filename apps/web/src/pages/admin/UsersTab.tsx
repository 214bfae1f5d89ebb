import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Popconfirm, Space, Table, Tag, TreeSelect } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { api, unwrapAs } from '../../api/client';
import { asProblem } from '../../api/problem';
import type { UnitNode } from '../../app/units';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/vi';
import { AuditEntry, UserAccount } from './admin-types';
import { PasswordForm, UserForm } from './UserForm';

type Dialog = { kind: 'create' } | { kind: 'edit' | 'password' | 'audit'; user: UserAccount } | undefined;

/** The accounts of a unit and those under it (GET /api/users?unitId), with what an administrator does to them. */
export const UsersTab = ({
  rootId,
  tree,
  unitName,
}: {
  rootId: string;
  tree: UnitNode[];
  unitName(id: string): string;
}) => {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [unitId, setUnitId] = useState(rootId);
  const [dialog, setDialog] = useState<Dialog>();
  const users = useQuery({
    queryKey: ['users', unitId],
    queryFn: () =>
      unwrapAs<{ items: UserAccount[] }>(api.GET('/api/users', { params: { query: { unitId } as never } })),
  });
  const audit = useQuery({
    queryKey: ['users', 'audit', dialog?.kind === 'audit' ? dialog.user.id : ''],
    queryFn: () =>
      unwrapAs<{ items: AuditEntry[] }>(
        api.GET('/api/users/{userId}/audit', {
          params: { path: { userId: (dialog as { user: UserAccount }).user.id } },
        }),
      ),
    enabled: dialog?.kind === 'audit',
  });

  // The log names fields and values as the API stores them; shown in the page's words.
  const FIELD_KEYS: Record<string, MessageKey> = {
    name: 'admin.user.name',
    role: 'admin.user.role',
    unitId: 'admin.user.unit',
    disabled: 'admin.user.status',
  };
  const fieldName = (k: string) => (FIELD_KEYS[k] ? t(FIELD_KEYS[k]) : k);
  const valueOf = (k: string, v: unknown) =>
    k === 'role' ? tOr(`role.${String(v)}`, String(v)) : k === 'unitId' ? unitName(String(v)) : String(v);

  const toggle = async (user: UserAccount) => {
    const path = user.disabled ? '/api/users/{userId}/enable' : '/api/users/{userId}/disable';
    const { error, response } = await api.POST(path, { params: { path: { userId: user.id } } });
    if (!response.ok) {
      const p = asProblem(error);
      void message.error([p?.title, p?.detail].filter(Boolean).join(': ') || t('app.error'));
    }
    await queries.invalidateQueries({ queryKey: ['users'] });
  };

  const columns: ColumnsType<UserAccount> = [
    { title: t('admin.user.id'), dataIndex: 'id', key: 'id' },
    { title: t('admin.user.name'), dataIndex: 'name', key: 'name' },
    { title: t('admin.user.role'), dataIndex: 'role', key: 'role', render: (r: string) => tOr(`role.${r}`, r) },
    { title: t('admin.user.unit'), dataIndex: 'unitId', key: 'unit', render: (id: string) => unitName(id) },
    {
      title: t('admin.user.status'),
      dataIndex: 'disabled',
      key: 'status',
      render: (d: boolean) =>
        d ? (
          <Tag className="tag-overdue">{t('admin.user.disabled')}</Tag>
        ) : (
          <Tag className="tag-open">{t('admin.user.active')}</Tag>
        ),
    },
    {
      title: t('admin.user.actions'),
      key: 'actions',
      render: (_, u) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', user: u })}>
            {t('admin.user.edit')}
          </Button>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'password', user: u })}>
            {t('admin.user.reset')}
          </Button>
          {u.disabled ? (
            <Button type="link" size="small" onClick={() => void toggle(u)}>
              {t('admin.user.enable')}
            </Button>
          ) : (
            <Popconfirm
              title={t('admin.user.disableConfirm', { id: u.id })}
              okText={t('admin.user.disable')}
              cancelText={t('admin.cancel')}
              onConfirm={() => toggle(u)}
            >
              <Button type="link" size="small" danger>
                {t('admin.user.disable')}
              </Button>
            </Popconfirm>
          )}
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'audit', user: u })}>
            {t('admin.user.audit')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="end">
        <Form layout="inline">
          <Form.Item label={t('admin.unit')} htmlFor="users-unit">
            <TreeSelect
              id="users-unit"
              style={{ minWidth: 320 }}
              treeData={tree}
              value={unitId}
              showSearch
              treeNodeFilterProp="title"
              onChange={(u: string) => setUnitId(u)}
            />
          </Form.Item>
        </Form>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setDialog({ kind: 'create' })}
          data-testid="user-create"
        >
          {t('admin.user.create')}
        </Button>
      </Space>
      {users.isError && (
        <Alert type="error" showIcon message={t('app.error')} description={(users.error as Error).message} />
      )}
      <Table<UserAccount>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={users.data?.items}
        loading={users.isFetching}
        data-testid="users-table"
        pagination={{ pageSize: 50 }}
      />
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <UserForm
          user={dialog.kind === 'edit' ? dialog.user : undefined}
          tree={tree}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog?.kind === 'password' && <PasswordForm user={dialog.user} onClose={() => setDialog(undefined)} />}
      <Drawer
        open={dialog?.kind === 'audit'}
        width={640}
        onClose={() => setDialog(undefined)}
        title={dialog?.kind === 'audit' ? t('admin.user.auditTitle', { id: dialog.user.id }) : ''}
      >
        <Table<AuditEntry>
          rowKey={(e) => `${e.at}/${e.action}`}
          size="small"
          pagination={false}
          loading={audit.isFetching}
          dataSource={audit.data?.items}
          columns={[
            {
              title: t('admin.audit.at'),
              dataIndex: 'at',
              key: 'at',
              render: (at: string) => `${formatDate(at)} ${new Date(at).toLocaleTimeString('vi-VN')}`,
            },
            { title: t('admin.audit.actor'), key: 'actor', render: (_, e) => e.actor.id },
            {
              title: t('admin.audit.action'),
              dataIndex: 'action',
              key: 'action',
              render: (a: string) => tOr(`admin.audit.${a}`, a),
            },
            {
              title: t('admin.audit.changes'),
              key: 'changes',
              render: (_, e) =>
                Object.entries(e.changes ?? {})
                  .map(
                    ([k, v]) =>
                      `${fieldName(k)}: ${[v?.from, v?.to]
                        .filter((x) => x !== undefined && x !== null && x !== '')
                        .map((x) => valueOf(k, x))
                        .join(' → ')}`,
                  )
                  .join('; '),
            },
          ]}
        />
      </Drawer>
    </Space>
  );
};
