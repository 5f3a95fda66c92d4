// Cancelling units of lines before they are packed: a quantity per line and a reason. The server
// decides what is still open (packed and shipped units are not); its refusal is shown at the
// line it names and above the form.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiFailure } from '../app/api';
import { errorText } from '../ui/errors';
import { Field, FormMessage } from '../ui/Field';
import { cancelOrderLines, money } from './orders-api';
import type { OrderDetail } from './orders-api';

interface CancelForm {
  quantities: string[];
  reason: string;
}

const LINE_FIELD = /^lines\[(\d+)\]/;

export function OrderLineCancel({ order }: { order: OrderDetail }) {
  const { t, i18n } = useTranslation('orders');
  const queryClient = useQueryClient();
  const lines = order.lines.filter((line) => line.quantity > 0);
  const { register, handleSubmit, formState, reset, setError, clearErrors } = useForm<CancelForm>({
    defaultValues: { quantities: lines.map(() => ''), reason: '' },
  });
  // One key per submission of these values: a retry after a lost answer is not cancelled twice.
  const [attempt, setAttempt] = useState<{ body: string; key: string } | null>(null);
  const own = {
    quantity_not_open: t('cancelLines.errors.quantity_not_open'),
    line_not_open: t('cancelLines.errors.line_not_open'),
    cancels_whole_order: t('cancelLines.errors.cancels_whole_order'),
    unknown_line: t('cancelLines.errors.unknown_line'),
    order_cancelled: t('cancelLines.errors.order_cancelled'),
  };
  const cancel = useMutation({
    mutationFn: (request: {
      lines: { lineId: string; quantity: number; index: number }[];
      reason: string;
    }) => {
      const sent = request.lines.map(({ lineId, quantity }) => ({ lineId, quantity }));
      const body = JSON.stringify({ sent, reason: request.reason });
      const key = attempt?.body === body ? attempt.key : crypto.randomUUID();
      setAttempt({ body, key });
      return cancelOrderLines(order.orderId, sent, request.reason, key);
    },
    onSuccess: async () => {
      setAttempt(null);
      reset({ quantities: lines.map(() => ''), reason: '' });
      await queryClient.invalidateQueries({ queryKey: ['order', order.orderId] });
      await queryClient.invalidateQueries({ queryKey: ['orders'] });
      await queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
    onError: (error, request) => {
      const at = error instanceof ApiFailure ? LINE_FIELD.exec(error.body.field ?? '') : null;
      const named = at ? request.lines[Number(at[1])] : undefined;
      if (named)
        setError(`quantities.${named.index}`, {
          type: 'server',
          message: errorText(t, error, own),
        });
    },
  });

  const submit = handleSubmit((values) => {
    clearErrors();
    let valid = true;
    const chosen = lines.flatMap((line, index) => {
      const text = values.quantities[index]?.trim() ?? '';
      if (text === '' || text === '0') return [];
      const quantity = Number(text);
      if (!Number.isInteger(quantity) || quantity < 0 || quantity > line.quantity) {
        valid = false;
        setError(`quantities.${index}`, {
          type: 'range',
          message: t('cancelLines.quantityRange', { max: line.quantity }),
        });
        return [];
      }
      return [{ lineId: line.id, quantity, index }];
    });
    const reason = values.reason.trim();
    if (reason.length < 3) {
      valid = false;
      setError('reason', { type: 'required', message: t('reasonNeeded') });
    }
    if (!valid) return;
    if (chosen.length === 0) {
      setError('root', { type: 'none', message: t('cancelLines.nothingChosen') });
      return;
    }
    cancel.mutate({ lines: chosen, reason });
  });

  if (lines.length === 0) return null;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="cancel-lines-title">
      <h3 id="cancel-lines-title">{t('cancelLines.title')}</h3>
      <p className="hint">{t('cancelLines.hint')}</p>
      <FormMessage
        kind="error"
        text={
          formState.errors.root?.message ?? (cancel.error ? errorText(t, cancel.error, own) : null)
        }
      />
      <FormMessage
        kind="success"
        text={
          cancel.isSuccess
            ? t('cancelLines.done', {
                amount: money(cancel.data.cancelledTotalMinor, order.currency, i18n.language),
              })
            : null
        }
      />
      {lines.map((line, index) => (
        <Field
          key={line.id}
          label={t('cancelLines.quantityOf', { sku: line.sku, name: line.name })}
          hint={t('cancelLines.openUnits', { count: line.quantity })}
          error={formState.errors.quantities?.[index]?.message}
        >
          <input
            type="number"
            inputMode="numeric"
            min={0}
            max={line.quantity}
            {...register(`quantities.${index}`)}
          />
        </Field>
      ))}
      <Field
        label={t('cancelLines.reason')}
        hint={t('reasonHint')}
        error={formState.errors.reason?.message}
      >
        <textarea rows={2} {...register('reason')} />
      </Field>
      <button type="submit" disabled={cancel.isPending}>
        {t('cancelLines.submit')}
      </button>
    </form>
  );
}
