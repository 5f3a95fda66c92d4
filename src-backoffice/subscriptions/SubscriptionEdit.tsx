// Customer service changes what a subscription delivers, each change with a reason kept in its
// history under their name: the next delivery's date, a line's quantity, a product swapped for
// another of the plan, the address. A change after the cut-off applies to the next delivery but
// one (the server's change rules decide, and say so).
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { errorText } from '../ui/errors';
import { Field, FormMessage } from '../ui/Field';
import { AddressFields, addressForm, addressOf, formOfAddress } from './AddressFields';
import { changeSubscription, fetchPlans } from './subscriptions-api';
import type { SubscriptionChange, SubscriptionDetail } from './subscriptions-api';

export const EDITS = ['change_date', 'change_quantity', 'swap_product', 'change_address'] as const;
type Edit = (typeof EDITS)[number];

const editForm = z
  .object({
    edit: z.enum(EDITS),
    date: z.string(),
    lineNo: z.number().int().min(1),
    quantity: z.number(),
    sku: z.string().trim(),
    address: addressForm,
    reason: z.string().trim().min(3).max(500),
  })
  .superRefine((form, ctx) => {
    if (form.edit === 'change_date' && !/^\d{4}-\d{2}-\d{2}$/.test(form.date))
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'date' });
    if (
      form.edit === 'change_quantity' &&
      !(Number.isInteger(form.quantity) && form.quantity >= 1 && form.quantity <= 100)
    )
      ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'quantity' });
    if (form.edit === 'swap_product' && form.sku === '')
      ctx.addIssue({ code: 'custom', path: ['sku'], message: 'sku' });
  });
type EditForm = z.infer<typeof editForm>;

function changeOf(form: EditForm): SubscriptionChange {
  const reason = form.reason.trim();
  switch (form.edit) {
    case 'change_date':
      return { type: 'change_date', date: form.date, reason };
    case 'change_quantity':
      return { type: 'change_quantity', lineNo: form.lineNo, quantity: form.quantity, reason };
    case 'swap_product':
      return { type: 'swap_product', lineNo: form.lineNo, sku: form.sku, reason };
    case 'change_address':
      return { type: 'change_address', shipTo: addressOf(form.address), reason };
  }
}

const startOf = (s: SubscriptionDetail, edit: Edit = 'change_date'): EditForm => ({
  edit,
  date: s.nextRenewal.date,
  lineNo: s.lines[0]?.lineNo ?? 1,
  quantity: s.lines[0]?.quantity ?? 1,
  sku: '',
  address: formOfAddress(s.shipTo),
  reason: '',
});

export function SubscriptionEdit({ subscription: s }: { subscription: SubscriptionDetail }) {
  const { t } = useTranslation('subscriptions');
  const queryClient = useQueryClient();
  const plans = useQuery({ queryKey: ['subscription-plans'], queryFn: fetchPlans });
  const methods = useForm<EditForm>({
    resolver: zodResolver(editForm),
    defaultValues: startOf(s),
  });
  const { register, handleSubmit, formState, reset, watch } = methods;
  const apply = useMutation({
    mutationFn: (form: EditForm) => changeSubscription(s.id, changeOf(form)),
    onSuccess: async (view, form) => {
      queryClient.setQueryData(['subscription', s.id], view);
      reset(startOf(view, form.edit));
      await queryClient.invalidateQueries({ queryKey: ['subscriptions'] });
      await queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
  const chosen = watch('edit');
  const lineNo = watch('lineNo');
  // Another line chosen: its own quantity is where the form starts.
  useEffect(() => {
    const line = s.lines.find((l) => l.lineNo === Number(lineNo));
    if (line) methods.setValue('quantity', line.quantity);
  }, [lineNo, s.lines, methods]);
  const plan = plans.data?.plans.find((p) => p.code === s.plan.code);
  const current = s.lines.find((l) => l.lineNo === Number(lineNo));
  const swaps = (plan?.skus ?? []).filter((sku) => sku !== current?.sku);
  const errors = formState.errors;
  return (
    <FormProvider {...methods}>
      <form
        onSubmit={handleSubmit((form) => apply.mutate(form))}
        noValidate
        aria-labelledby="subscription-edit-title"
      >
        <h3 id="subscription-edit-title">{t('editTitle')}</h3>
        <FormMessage kind="error" text={apply.error ? errorText(t, apply.error) : null} />
        <FormMessage
          kind="success"
          text={apply.isSuccess ? t(`editDone.${apply.variables.edit}`) : null}
        />
        <fieldset>
          <legend>{t('editWhat')}</legend>
          {EDITS.map((edit) => (
            <label key={edit} className="check">
              <input type="radio" value={edit} {...register('edit')} />
              {t(`edits.${edit}`)}
            </label>
          ))}
        </fieldset>
        {chosen === 'change_date' ? (
          <Field
            label={t('newDate')}
            hint={t('newDateHint')}
            error={errors.date ? t('dateNeeded') : undefined}
          >
            <input type="date" {...register('date')} />
          </Field>
        ) : null}
        {chosen === 'change_quantity' || chosen === 'swap_product' ? (
          <Field label={t('line')}>
            <select {...register('lineNo', { valueAsNumber: true })}>
              {s.lines.map((line) => (
                <option key={line.lineNo} value={line.lineNo}>
                  {line.quantity} × {line.name} ({line.sku})
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {chosen === 'change_quantity' ? (
          <Field label={t('quantity')} error={errors.quantity ? t('quantityNeeded') : undefined}>
            <input
              type="number"
              min={1}
              max={100}
              {...register('quantity', { valueAsNumber: true })}
            />
          </Field>
        ) : null}
        {chosen === 'swap_product' ? (
          <Field label={t('swapTo')} error={errors.sku ? t('skuNeeded') : undefined}>
            <select {...register('sku')}>
              <option value="">{t('chooseProduct')}</option>
              {swaps.map((sku) => (
                <option key={sku} value={sku}>
                  {sku}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {chosen === 'change_address' ? <AddressFields legend={t('newAddress')} /> : null}
        <Field
          label={t('editReason')}
          hint={t('reasonHint')}
          error={errors.reason ? t('reasonNeeded') : undefined}
        >
          <textarea rows={2} {...register('reason')} />
        </Field>
        <button type="submit" disabled={apply.isPending}>
          {t('applyEdit')}
        </button>
      </form>
    </FormProvider>
  );
}
