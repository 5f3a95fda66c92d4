// Create a user (with a first password) or change one: name, language, roles, a lead's
// warehouses, active or not. The server names a wrong field; it is shown on that field.
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { LOCALES, PASSWORD_MIN_LENGTH, ROLES, roleSchema } from '../../shared/people/roles';
import { api, ApiFailure } from '../app/api';
import { resources } from '../i18n/i18n';
import { errorText } from '../ui/errors';
import { Field, FormMessage } from '../ui/Field';
import { usePageTitle } from '../ui/page-title';
import { fetchUser, type UserRow } from './users-api';

const userForm = z.object({
  email: z.string().trim(),
  name: z.string().trim().min(1),
  locale: z.enum(LOCALES),
  password: z.string(),
  roles: z.array(roleSchema).min(1),
  leadWarehouses: z.string(),
  active: z.boolean(),
});
type UserForm = z.infer<typeof userForm>;

const warehouseList = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);

export function UserFormPage() {
  const { t } = useTranslation('users');
  const { userId } = useParams({ strict: false }) as { userId: string };
  const creating = userId === 'new';
  usePageTitle(creating ? t('new') : t('edit'));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const existing = useQuery({
    queryKey: ['user', userId],
    queryFn: () => fetchUser(userId),
    enabled: !creating,
  });
  const { register, handleSubmit, formState, reset, watch, setError } = useForm<UserForm>({
    resolver: zodResolver(userForm),
    defaultValues: {
      email: '',
      name: '',
      locale: 'nl',
      password: '',
      roles: [],
      leadWarehouses: '',
      active: true,
    },
  });
  useEffect(() => {
    const user = existing.data;
    if (user) reset({ ...user, password: '', leadWarehouses: user.leadWarehouses.join(', ') });
  }, [existing.data, reset]);

  const ownErrors = {
    email_taken: t('emailTaken'),
    lead_needs_warehouse: t('leadNeedsWarehouse'),
    unknown_warehouse: t('unknownWarehouse'),
    warehouses_without_lead: t('warehousesWithoutLead'),
    last_admin: t('lastAdmin'),
  };
  const save = useMutation({
    mutationFn: (values: UserForm) => {
      const common = {
        name: values.name,
        locale: values.locale,
        roles: values.roles,
        leadWarehouses: warehouseList(values.leadWarehouses),
      };
      return creating
        ? api<UserRow>('POST', '/v1/people/users', {
            ...common,
            email: values.email,
            password: values.password,
          })
        : api<UserRow>('PATCH', `/v1/people/users/${userId}`, { ...common, active: values.active });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      await queryClient.invalidateQueries({ queryKey: ['user', userId] });
      await navigate({ to: '/users', search: {} });
    },
    onError: (error) => {
      const field = error instanceof ApiFailure ? error.body.field?.split(/[.[]/)[0] : undefined;
      if (field && field in userForm.shape)
        setError(field as keyof UserForm, {
          type: 'server',
          message: errorText(t, error, ownErrors),
        });
    },
  });
  const errorOf = (name: keyof UserForm, fallback: string) => {
    const error = formState.errors[name];
    if (!error) return undefined;
    return error.type === 'server' ? error.message : fallback;
  };
  const isLead = watch('roles').includes('warehouse_lead');

  return (
    <>
      <h1>{creating ? t('new') : t('edit')}</h1>
      <form onSubmit={handleSubmit((values) => save.mutate(values))} noValidate>
        <FormMessage kind="error" text={save.error ? errorText(t, save.error, ownErrors) : null} />
        {creating ? (
          <Field label={t('email')} error={errorOf('email', t('app:required'))}>
            <input type="email" autoComplete="off" {...register('email')} />
          </Field>
        ) : (
          <p>
            {t('email')}: <strong>{existing.data?.email}</strong>
          </p>
        )}
        <Field label={t('name')} error={errorOf('name', t('app:required'))}>
          <input autoComplete="off" {...register('name')} />
        </Field>
        <Field label={t('language')}>
          <select {...register('locale')}>
            {LOCALES.map((locale) => (
              <option key={locale} value={locale} lang={locale}>
                {String(resources[locale]?.app?.languageName ?? locale)}
              </option>
            ))}
          </select>
        </Field>
        {creating ? (
          <Field
            label={t('firstPassword')}
            hint={t('passwordHint', { count: PASSWORD_MIN_LENGTH })}
            error={errorOf('password', t('passwordHint', { count: PASSWORD_MIN_LENGTH }))}
          >
            <input type="password" autoComplete="new-password" {...register('password')} />
          </Field>
        ) : null}
        <fieldset aria-describedby={formState.errors.roles ? 'roles-error' : undefined}>
          <legend>{t('roles')}</legend>
          {ROLES.map((role) => (
            <label key={role} className="check">
              <input type="checkbox" value={role} {...register('roles')} /> {t(`app:roles.${role}`)}
            </label>
          ))}
          {formState.errors.roles ? (
            <p className="field-error" id="roles-error">
              {t('rolesNeeded')}
            </p>
          ) : null}
        </fieldset>
        {isLead ? (
          <Field
            label={t('leadWarehouses')}
            hint={t('leadWarehousesHint')}
            error={errorOf('leadWarehouses', t('leadNeedsWarehouse'))}
          >
            <input autoComplete="off" {...register('leadWarehouses')} />
          </Field>
        ) : null}
        {!creating ? (
          <label className="check">
            <input type="checkbox" {...register('active')} /> {t('activeLabel')}
          </label>
        ) : null}
        <div className="form-buttons">
          <button type="submit" disabled={save.isPending}>
            {t('app:save')}
          </button>
          <Link to="/users" search={{}}>
            {t('app:cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
