import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { UnitNode } from '../../app/units';
import { useI18n } from '../../i18n/i18n';
import { PERSON_ROLES, UserAccount } from './admin-types';
import { showProblem } from './problem-form';

const CREATE_FIELDS = ['id', 'name', 'role', 'unitId', 'password'];
const CHANGE_FIELDS = ['name', 'role', 'unitId'];

/**
 * Creating an account (id, name, role, unit, initial password) or changing one's name, role or
 * unit: POST /api/users, PATCH /api/users/{id}. The API's refusals go beside their field.
 */
export const UserForm = ({ user, tree, onClose }: { user?: UserAccount; tree: UnitNode[]; onClose(): void }) => {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm();
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const values = form.getFieldsValue() as Record<string, string | undefined>;
    setBusy(true);
    setGeneral([]);
    try {
      const { error, response } = user
        ? await api.PATCH('/api/users/{userId}', {
            params: { path: { userId: user.id } },
            body: { name: values.name, role: values.role, unitId: values.unitId } as never,
          })
        : await api.POST('/api/users', {
            body: {
              id: values.id?.trim() ?? '',
              name: values.name?.trim() ?? '',
              role: values.role,
              unitId: values.unitId,
              password: values.password ?? '',
            } as never,
          });
      if (response.ok) {
        void message.success(t(user ? 'admin.user.saved' : 'admin.user.created', { id: user?.id ?? values.id ?? '' }));
        await queries.invalidateQueries({ queryKey: ['users'] });
        onClose();
        return;
      }
      setGeneral(showProblem(form, user ? CHANGE_FIELDS : CREATE_FIELDS, error, t, { 'user.already-exists': 'id' }));
    } catch {
      setGeneral([t('problem.network')]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={user ? t('admin.user.editTitle', { id: user.id }) : t('admin.user.create')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('admin.save')}
      cancelText={t('admin.cancel')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'user-save' } as never}
      destroyOnHidden
    >
      {general.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          message={general[0]}
          description={general.slice(1).join('\n') || undefined}
        />
      )}
      <Form form={form} layout="vertical" initialValues={user ?? { role: 'enforcer' }}>
        {!user && (
          <Form.Item name="id" label={t('admin.user.id')}>
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('admin.user.name')}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label={t('admin.user.role')}>
          <Select options={PERSON_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item name="unitId" label={t('admin.user.unit')}>
          <TreeSelect treeData={tree} showSearch treeNodeFilterProp="title" />
        </Form.Item>
        {!user && (
          <Form.Item name="password" label={t('admin.user.password')}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
};

/** Resetting a password: POST /api/users/{id}/password (tokens issued before stop working). */
export const PasswordForm = ({ user, onClose }: { user: UserAccount; onClose(): void }) => {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [general, setGeneral] = useState<string[]>([]);
  const submit = async () => {
    const { password } = form.getFieldsValue() as { password?: string };
    try {
      const { error, response } = await api.POST('/api/users/{userId}/password', {
        params: { path: { userId: user.id } },
        body: { password: password ?? '' },
      });
      if (response.ok) {
        void message.success(t('admin.user.resetDone', { id: user.id }));
        onClose();
        return;
      }
      setGeneral(showProblem(form, ['password'], error, t));
    } catch {
      setGeneral([t('problem.network')]);
    }
  };
  return (
    <Modal
      open
      title={t('admin.user.resetTitle', { id: user.id })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('admin.save')}
      cancelText={t('admin.cancel')}
      destroyOnHidden
    >
      {general.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          message={general[0]}
          description={general.slice(1).join('\n') || undefined}
        />
      )}
      <Form form={form} layout="vertical">
        <Form.Item name="password" label={t('admin.user.newPassword')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
};
