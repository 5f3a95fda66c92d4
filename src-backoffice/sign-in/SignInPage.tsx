import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api, ApiFailure, rememberCsrfToken } from '../app/api';
import type { Me } from '../app/session';
import { chosenLanguage, setLanguage } from '../i18n/i18n';
import { errorText } from '../ui/errors';
import { Field, FormMessage } from '../ui/Field';
import { usePageTitle } from '../ui/page-title';
import { PublicFrame } from './PublicFrame';

const form = z.object({ email: z.string().trim().min(1), password: z.string().min(1) });
type SignInForm = z.infer<typeof form>;

export function SignInPage() {
  const { t, i18n } = useTranslation('sign-in');
  usePageTitle(t('title'));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { next } = useSearch({ from: '/sign-in' });
  const { register, handleSubmit, formState } = useForm<SignInForm>({
    resolver: zodResolver(form),
  });
  const signIn = useMutation({
    mutationFn: (values: SignInForm) => api<Me>('POST', '/v1/people/sessions', values),
    onSuccess: async (me) => {
      rememberCsrfToken(me.csrfToken);
      queryClient.setQueryData(['me'], me);
      // The person's own language, unless they picked one on this device.
      if (!chosenLanguage()) await setLanguage(me.user.locale, false);
      await navigate({ to: next ?? '/' });
    },
  });
  const lockedUntil =
    signIn.error instanceof ApiFailure && signIn.error.body.code === 'account_locked'
      ? /until (\S+?)\./.exec(signIn.error.body.message)?.[1]
      : undefined;
  const failure = signIn.error
    ? errorText(t, signIn.error, {
        sign_in_failed: t('failed'),
        account_locked: t('locked', {
          time: lockedUntil ? new Date(lockedUntil).toLocaleTimeString(i18n.language) : '',
        }),
        too_many_attempts: t('tooMany'),
      })
    : null;
  return (
    <PublicFrame>
      <h1>{t('title')}</h1>
      <form onSubmit={handleSubmit((values) => signIn.mutate(values))} noValidate>
        <FormMessage kind="error" text={failure} />
        <Field label={t('email')} error={formState.errors.email ? t('app:required') : undefined}>
          <input type="email" autoComplete="username" {...register('email')} />
        </Field>
        <Field
          label={t('password')}
          error={formState.errors.password ? t('app:required') : undefined}
        >
          <input type="password" autoComplete="current-password" {...register('password')} />
        </Field>
        <button type="submit" disabled={signIn.isPending}>
          {t('submit')}
        </button>
      </form>
      <p>
        <Link to="/forgot-password">{t('forgot')}</Link>
      </p>
    </PublicFrame>
  );
}
