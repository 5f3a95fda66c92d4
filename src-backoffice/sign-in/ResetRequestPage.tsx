import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api } from '../app/api';
import { errorText } from '../ui/errors';
import { Field, FormMessage } from '../ui/Field';
import { usePageTitle } from '../ui/page-title';
import { PublicFrame } from './PublicFrame';

const form = z.object({ email: z.email() });

export function ResetRequestPage() {
  const { t } = useTranslation('sign-in');
  usePageTitle(t('resetTitle'));
  const { register, handleSubmit, formState } = useForm<z.infer<typeof form>>({
    resolver: zodResolver(form),
  });
  const request = useMutation({
    mutationFn: (values: z.infer<typeof form>) =>
      api<unknown>('POST', '/v1/people/password-resets', values),
  });
  return (
    <PublicFrame>
      <h1>{t('resetTitle')}</h1>
      <p>{t('resetExplain')}</p>
      <form onSubmit={handleSubmit((values) => request.mutate(values))} noValidate>
        <FormMessage kind="error" text={request.error ? errorText(t, request.error) : null} />
        <FormMessage kind="success" text={request.isSuccess ? t('resetSent') : null} />
        <Field label={t('email')} error={formState.errors.email ? t('emailInvalid') : undefined}>
          <input type="email" autoComplete="username" {...register('email')} />
        </Field>
        <button type="submit" disabled={request.isPending}>
          {t('resetSubmit')}
        </button>
      </form>
      <p>
        <Link to="/sign-in">{t('backToSignIn')}</Link>
      </p>
    </PublicFrame>
  );
}
