// What customer service may do to an order, each with a reason (the server keeps it in the
// order's events and the audit log): hold or release it, cancel it. Only the moves the order's
// status allows are offered; the server's state machine still decides.
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { OrderStatus } from '../../shared/orders/order-state';
import { errorText } from '../ui/errors';
import { Field, FormMessage } from '../ui/Field';
import { runOrderAction, type OrderAction } from './orders-api';

const NOT_CANCELLABLE: readonly OrderStatus[] = [
  'partially_shipped',
  'shipped',
  'delivered',
  'cancelled',
];

export function allowedActions(status: OrderStatus): OrderAction[] {
  if (status === 'on_hold') return ['release-hold', 'cancel'];
  if (NOT_CANCELLABLE.includes(status)) return status === 'partially_shipped' ? ['hold'] : [];
  return ['hold', 'cancel'];
}

const actionForm = z.object({
  action: z.enum(['hold', 'release-hold', 'cancel']),
  reason: z.string().trim().min(3).max(500),
});
type ActionForm = z.infer<typeof actionForm>;

export function OrderActions({ orderId, status }: { orderId: string; status: OrderStatus }) {
  const { t } = useTranslation('orders');
  const queryClient = useQueryClient();
  const actions = allowedActions(status);
  const { register, handleSubmit, formState, reset } = useForm<ActionForm>({
    resolver: zodResolver(actionForm),
    defaultValues: { action: actions[0] ?? 'hold', reason: '' },
  });
  const act = useMutation({
    mutationFn: (values: ActionForm) => runOrderAction(orderId, values.action, values.reason),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['order', orderId] });
      await queryClient.invalidateQueries({ queryKey: ['orders'] });
      await queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
  // A new status offers other moves: start the form again from the first of them.
  useEffect(() => {
    reset({ action: allowedActions(status)[0] ?? 'hold', reason: '' });
  }, [status, reset]);
  if (actions.length === 0) return <p>{t('noActions')}</p>;
  return (
    <form onSubmit={handleSubmit((values) => act.mutate(values))} noValidate>
      <FormMessage kind="error" text={act.error ? errorText(t, act.error) : null} />
      <FormMessage
        kind="success"
        text={act.isSuccess ? t(`actionDone.${act.variables.action}`) : null}
      />
      <fieldset>
        <legend>{t('action')}</legend>
        {actions.map((action) => (
          <label key={action} className="check">
            <input type="radio" value={action} {...register('action')} />
            {t(`actions.${action}`)}
          </label>
        ))}
      </fieldset>
      <Field
        label={t('reason')}
        hint={t('reasonHint')}
        error={formState.errors.reason ? t('reasonNeeded') : undefined}
      >
        <textarea rows={2} {...register('reason')} />
      </Field>
      <button type="submit" disabled={act.isPending}>
        {t('apply')}
      </button>
    </form>
  );
}
