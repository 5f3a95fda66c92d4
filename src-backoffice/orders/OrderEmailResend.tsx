// "Resend" next to a customer e-mail in the order's timeline: asks for a reason, then the OMS
// composes the e-mail again from the order as it is now and sends it (audited, on the timeline).
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { errorText } from '../ui/errors';
import { Field, FormMessage } from '../ui/Field';
import { resendOrderEmail } from './orders-api';

const resendForm = z.object({ reason: z.string().trim().min(3).max(500) });
type ResendForm = z.infer<typeof resendForm>;

export function OrderEmailResend({ orderId, kind }: { orderId: string; kind: string }) {
  const { t } = useTranslation('orders');
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const { register, handleSubmit, formState, reset } = useForm<ResendForm>({
    resolver: zodResolver(resendForm),
    defaultValues: { reason: '' },
  });
  const resend = useMutation({
    mutationFn: (values: ResendForm) => resendOrderEmail(orderId, kind, values.reason),
    onSuccess: async () => {
      setOpen(false);
      reset({ reason: '' });
      await queryClient.invalidateQueries({ queryKey: ['order', orderId] });
      await queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
  const own = {
    email_never_sent: t('resendEmail.errors.email_never_sent'),
    unknown_email_kind: t('resendEmail.errors.unknown_email_kind'),
  };
  return (
    <div className="email-resend">
      <FormMessage kind="error" text={resend.error ? errorText(t, resend.error, own) : null} />
      <FormMessage kind="success" text={resend.isSuccess ? t('resendEmail.done') : null} />
      {open ? (
        <form onSubmit={handleSubmit((values) => resend.mutate(values))} noValidate>
          <Field
            label={t('resendEmail.reason')}
            hint={t('reasonHint')}
            error={formState.errors.reason ? t('reasonNeeded') : undefined}
          >
            <textarea rows={2} {...register('reason')} />
          </Field>
          <button type="submit" disabled={resend.isPending}>
            {t('resendEmail.submit')}
          </button>{' '}
          <button type="button" onClick={() => setOpen(false)}>
            {t('resendEmail.close')}
          </button>
        </form>
      ) : (
        <button
          type="button"
          onClick={() => {
            resend.reset();
            setOpen(true);
          }}
        >
          {t('resendEmail.open')}
        </button>
      )}
    </div>
  );
}
