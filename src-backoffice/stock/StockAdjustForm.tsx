// Adjust one bin's stock with a reason code: by a number of units that come or go, or to the
// number counted. The answer (bin, on hand, available) is shown; the list and movements refresh.
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ADJUSTMENT_REASONS, ADJUSTMENT_RULES } from '../../shared/inventory/movement-reasons';
import { api } from '../app/api';
import { errorText } from '../ui/errors';
import { Field, FormMessage } from '../ui/Field';

const adjustForm = z.object({
  binCode: z.string().trim().min(1).max(64),
  sku: z.string().trim().min(1).max(64),
  reason: z.enum(ADJUSTMENT_REASONS),
  mode: z.enum(['change', 'count']),
  quantity: z.coerce.number().int().min(-1_000_000).max(1_000_000),
  note: z.string().trim().max(500),
});
type AdjustForm = z.output<typeof adjustForm>;

interface AdjustmentResult {
  sku: string;
  binCode: string;
  quantity: number;
  binOnHand: number;
  onHand: number;
  available: number;
}

export function StockAdjustForm({ warehouse }: { warehouse: string }) {
  const { t } = useTranslation('stock');
  const queryClient = useQueryClient();
  const { register, handleSubmit, formState, watch } = useForm<
    z.input<typeof adjustForm>,
    unknown,
    AdjustForm
  >({
    resolver: zodResolver(adjustForm),
    defaultValues: {
      binCode: '',
      sku: '',
      reason: 'cycle_count',
      mode: 'count',
      quantity: 0,
      note: '',
    },
  });
  const adjust = useMutation({
    mutationFn: (values: AdjustForm) =>
      api<AdjustmentResult>('POST', '/v1/inventory/adjustments', {
        warehouseCode: warehouse,
        binCode: values.binCode,
        sku: values.sku,
        reason: values.reason,
        ...(values.mode === 'count'
          ? { countedQuantity: values.quantity }
          : { quantity: values.quantity }),
        ...(values.note ? { note: values.note } : {}),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['stock'] });
      await queryClient.invalidateQueries({ queryKey: ['movements'] });
    },
  });
  const reason = watch('reason');
  const done = adjust.data;
  return (
    <form
      noValidate
      aria-label={t('adjust.title', { warehouse })}
      onSubmit={handleSubmit((values) => adjust.mutate(values))}
    >
      <h2>{t('adjust.title', { warehouse })}</h2>
      <FormMessage kind="error" text={adjust.error ? errorText(t, adjust.error) : null} />
      <FormMessage
        kind="success"
        text={
          done
            ? t('adjust.done', {
                sku: done.sku,
                bin: done.binCode,
                change: done.quantity > 0 ? `+${done.quantity}` : String(done.quantity),
                binOnHand: done.binOnHand,
                available: done.available,
              })
            : null
        }
      />
      <Field label={t('adjust.sku')} error={formState.errors.sku ? t('adjust.needed') : undefined}>
        <input type="text" autoComplete="off" {...register('sku')} />
      </Field>
      <Field
        label={t('adjust.bin')}
        error={formState.errors.binCode ? t('adjust.needed') : undefined}
      >
        <input type="text" autoComplete="off" {...register('binCode')} />
      </Field>
      <Field
        label={t('adjust.reason')}
        hint={t(`adjust.direction.${ADJUSTMENT_RULES[reason].direction}`)}
      >
        <select {...register('reason')}>
          {ADJUSTMENT_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`reasons.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('adjust.mode')}>
        <select {...register('mode')}>
          <option value="count">{t('adjust.modes.count')}</option>
          <option value="change">{t('adjust.modes.change')}</option>
        </select>
      </Field>
      <Field
        label={t('adjust.quantity')}
        hint={t('adjust.quantityHint')}
        error={formState.errors.quantity ? t('adjust.quantityNeeded') : undefined}
      >
        <input type="number" step={1} {...register('quantity')} />
      </Field>
      <Field label={t('adjust.note')}>
        <textarea rows={2} {...register('note')} />
      </Field>
      <button type="submit" disabled={adjust.isPending}>
        {t('adjust.submit')}
      </button>
    </form>
  );
}
