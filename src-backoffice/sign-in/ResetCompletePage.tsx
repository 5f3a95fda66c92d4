import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../shared/people/roles';
import { api } from '../app/api';
import { errorText } from '../ui/errors';
import { Field, FormMessage } from '../ui/Field';
import { usePageTitle } from '../ui/page-title';
import { newPasswordForm, type NewPasswordForm } from './password-form';
import { PublicFrame } from './PublicFrame';

/** The token travels in the link's fragment, which never reaches a server log. */
const tokenFromLink = () => new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';

export function ResetCompletePage() {
  const { t } = useTranslation('sign-in');
  usePageTitle(t('newPasswordTitle'));
  const { register, handleSubmit, formState } = useForm<NewPasswordForm>({
    resolver: zodResolver(newPasswordForm),
  });
  const complete = useMutation({
    mutationFn: (values: NewPasswordForm) =>
      api<void>('POST', '/v1/people/password-resets/complete', {
        token: tokenFromLink(),
        password: values.password,
      }),
  });
  return (
    <PublicFrame>
      <h1>{t('newPasswordTitle')}</h1>
      {complete.isSuccess ? (
        <FormMessage kind="success" text={t('newPasswordSet')} />
      ) : (
        <form onSubmit={handleSubmit((values) => complete.mutate(values))} noValidate>
          <FormMessage
            kind="error"
            text={
              complete.error
                ? errorText(t, complete.error, { invalid_reset_token: t('linkInvalid') })
                : null
            }
          />
          <Field
            label={t('newPassword')}
            hint={t('passwordHint', { count: PASSWORD_MIN_LENGTH })}
            error={
              formState.errors.password
                ? t('passwordTooShort', { count: PASSWORD_MIN_LENGTH })
                : undefined
            }
          >
            <input type="password" autoComplete="new-password" {...register('password')} />
          </Field>
          <Field
            label={t('repeatPassword')}
            error={formState.errors.repeat ? t('passwordsDiffer') : undefined}
          >
            <input type="password" autoComplete="new-password" {...register('repeat')} />
          </Field>
          <button type="submit" disabled={complete.isPending}>
            {t('newPasswordSubmit')}
          </button>
        </form>
      )}
      <p>
        <Link to="/sign-in">{t('backToSignIn')}</Link>
        {complete.isSuccess ? null : (
          <>
            {' · '}
            <Link to="/forgot-password">{t('askNewLink')}</Link>
          </>
        )}
      </p>
    </PublicFrame>
  );
}
