// What customer service may do to a subscription, each with a reason (kept in its history and
// the audit log): skip the next delivery, pause (until a day, or until resumed), resume, cancel.
// Only the moves its state allows are offered; the server's change rules still decide.
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { errorText } from '../ui/errors';
import { Field, FormMessage } from '../ui/Field';
import { changeSubscription, SUBSCRIPTION_ACTIONS } from './subscriptions-api';
import type { SubscriptionAction, SubscriptionState } from './subscriptions-api';

export function allowedActions(state: SubscriptionState): SubscriptionAction[] {
  if (state === 'active') return ['skip_next', 'pause', 'cancel'];
  if (state === 'paused') return ['resume', 'cancel'];
  return [];
}

const actionForm = z.object({
  action: z.enum(SUBSCRIPTION_ACTIONS),
  until: z.string().optional(),
  reason: z.string().trim().min(3).max(500),
});
type ActionForm = z.infer<typeof actionForm>;

export function SubscriptionActions({ id, state }: { id: string; state: SubscriptionState }) {
  const { t } = useTranslation('subscriptions');
  const queryClient = useQueryClient();
  const actions = allowedActions(state);
  const { register, handleSubmit, formState, reset, watch } = useForm<ActionForm>({
    resolver: zodResolver(actionForm),
    defaultValues: { action: actions[0] ?? 'pause', until: '', reason: '' },
  });
  const act = useMutation({
    mutationFn: (values: ActionForm) =>
      changeSubscription(id, {
        type: values.action,
        reason: values.reason,
        until: values.action === 'pause' && values.until ? values.until : undefined,
      }),
    onSuccess: async (view) => {
      queryClient.setQueryData(['subscription', id], view);
      await queryClient.invalidateQueries({ queryKey: ['subscriptions'] });
      await queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
  // A new state offers other moves: start the form again from the first of them.
  useEffect(() => {
    reset({ action: allowedActions(state)[0] ?? 'pause', until: '', reason: '' });
  }, [state, reset]);
  if (actions.length === 0) return <p>{t('noActions')}</p>;
  const chosen = watch('action');
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
      {chosen === 'pause' ? (
        <Field label={t('pauseUntil')} hint={t('pauseUntilHint')}>
          <input type="date" {...register('until')} />
        </Field>
      ) : null}
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
