// My account: change my password, sign out everywhere.
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createRoute, useNavigate } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PASSWORD_MIN_LENGTH } from '../../shared/people/roles';
import { api } from '../app/api';
import type { Area } from '../app/area';
import { newPasswordForm } from '../sign-in/password-form';
import { errorText } from '../ui/errors';
import { Field, FormMessage } from '../ui/Field';
import { usePageTitle } from '../ui/page-title';

const changeForm = newPasswordForm.and(z.object({ current: z.string().min(1) }));
type ChangeForm = z.infer<typeof changeForm>;

function AccountPage() {
  const { t } = useTranslation('account');
  usePageTitle(t('title'));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { register, handleSubmit, formState, reset } = useForm<ChangeForm>({
    resolver: zodResolver(changeForm),
  });
  const change = useMutation({
    mutationFn: (values: ChangeForm) =>
      api<void>('POST', '/v1/people/me/password', {
        currentPassword: values.current,
        newPassword: values.password,
      }),
    onSuccess: () => reset(),
  });
  const everywhere = useMutation({
    mutationFn: () => api<{ endedSessions: number }>('DELETE', '/v1/people/sessions'),
    onSuccess: async () => {
      queryClient.clear();
      await navigate({ to: '/sign-in', search: {} });
    },
  });
  return (
    <>
      <h1>{t('title')}</h1>
      <section aria-labelledby="change-password">
        <h2 id="change-password">{t('changePassword')}</h2>
        <form onSubmit={handleSubmit((values) => change.mutate(values))} noValidate>
          <FormMessage
            kind="error"
            text={
              change.error
                ? errorText(t, change.error, { wrong_password: t('wrongPassword') })
                : null
            }
          />
          <FormMessage kind="success" text={change.isSuccess ? t('changed') : null} />
          <Field
            label={t('current')}
            error={formState.errors.current ? t('app:required') : undefined}
          >
            <input type="password" autoComplete="current-password" {...register('current')} />
          </Field>
          <Field
            label={t('sign-in:newPassword')}
            hint={t('sign-in:passwordHint', { count: PASSWORD_MIN_LENGTH })}
            error={
              formState.errors.password
                ? t('sign-in:passwordTooShort', { count: PASSWORD_MIN_LENGTH })
                : undefined
            }
          >
            <input type="password" autoComplete="new-password" {...register('password')} />
          </Field>
          <Field
            label={t('sign-in:repeatPassword')}
            error={formState.errors.repeat ? t('sign-in:passwordsDiffer') : undefined}
          >
            <input type="password" autoComplete="new-password" {...register('repeat')} />
          </Field>
          <button type="submit" disabled={change.isPending}>
            {t('changePassword')}
          </button>
        </form>
      </section>
      <section aria-labelledby="sessions">
        <h2 id="sessions">{t('sessions')}</h2>
        <p>{t('everywhereExplain')}</p>
        <FormMessage kind="error" text={everywhere.error ? errorText(t, everywhere.error) : null} />
        <button type="button" onClick={() => everywhere.mutate()} disabled={everywhere.isPending}>
          {t('everywhere')}
        </button>
      </section>
    </>
  );
}

export const accountArea: Area = {
  id: 'account',
  path: '/account',
  requires: null,
  inNavigation: false,
  routes: (shell) => [
    createRoute({ getParentRoute: () => shell, path: '/account', component: AccountPage }),
  ],
};
