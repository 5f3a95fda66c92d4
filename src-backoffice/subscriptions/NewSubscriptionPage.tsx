// Customer service signs a customer up by phone: finds the customer (or types them in), chooses
// the plan, its products by SKU, the address, the payment mandate, channel, currency and the
// customer's language. The subscription is created through POST /v1/subscriptions, the same path
// as a channel's checkout, under one Idempotency-Key per form so a retry creates one.
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { FormProvider, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { LOCALES } from '../../shared/people/roles';
import { SUPPORTED_CURRENCIES } from '../../shared/orders/order-schema';
import { errorText } from '../ui/errors';
import { Field, FormMessage } from '../ui/Field';
import { usePageTitle } from '../ui/page-title';
import {
  AddressFields,
  addressForm,
  addressOf,
  emptyAddress,
  formOfAddress,
} from './AddressFields';
import { CustomerFinder } from './CustomerFinder';
import {
  createSubscription,
  fetchPlans,
  fetchSignupChannels,
  type KnownCustomer,
  type PaymentMandate,
} from './subscriptions-api';

const signupForm = z
  .object({
    planCode: z.string().min(1),
    channel: z.string().min(1),
    currency: z.string().regex(/^[A-Z]{3}$/),
    name: z.string().trim().min(1).max(200),
    email: z.email().max(254),
    locale: z.enum(LOCALES),
    lines: z
      .array(
        z.object({
          sku: z.string().trim().min(1).max(64),
          quantity: z.number().int().min(1).max(100),
        }),
      )
      .min(1),
    address: addressForm,
    provider: z.enum(['ledger', 'mollie']),
    mollieCustomerId: z.string().trim(),
    mollieMandateId: z.string().trim(),
    firstRenewalDate: z.string(),
  })
  .superRefine((form, ctx) => {
    if (form.provider !== 'mollie') return;
    if (!/^cst_[A-Za-z0-9]{4,40}$/.test(form.mollieCustomerId))
      ctx.addIssue({ code: 'custom', path: ['mollieCustomerId'], message: 'cst_' });
    if (!/^mdt_[A-Za-z0-9]{4,40}$/.test(form.mollieMandateId))
      ctx.addIssue({ code: 'custom', path: ['mollieMandateId'], message: 'mdt_' });
  });
type SignupForm = z.infer<typeof signupForm>;

const mandateOf = (form: SignupForm): PaymentMandate =>
  form.provider === 'mollie'
    ? { provider: 'mollie', customerId: form.mollieCustomerId, mandateId: form.mollieMandateId }
    : { provider: 'ledger' };

export function NewSubscriptionPage() {
  const { t } = useTranslation('subscriptions');
  usePageTitle(t('newSubscription'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const plans = useQuery({ queryKey: ['subscription-plans'], queryFn: fetchPlans });
  const channels = useQuery({ queryKey: ['subscription-channels'], queryFn: fetchSignupChannels });
  const methods = useForm<SignupForm>({
    resolver: zodResolver(signupForm),
    defaultValues: {
      planCode: '',
      channel: '',
      currency: 'EUR',
      name: '',
      email: '',
      locale: 'nl',
      lines: [{ sku: '', quantity: 1 }],
      address: emptyAddress,
      provider: 'ledger',
      mollieCustomerId: '',
      mollieMandateId: '',
      firstRenewalDate: '',
    },
  });
  const { register, handleSubmit, formState, control, watch, setValue, getValues } = methods;
  const lines = useFieldArray({ control, name: 'lines' });
  const create = useMutation({
    mutationFn: (form: SignupForm) =>
      createSubscription(
        {
          planCode: form.planCode,
          currency: form.currency,
          customer: {
            type: 'person',
            name: form.name.trim(),
            email: form.email,
            locale: form.locale,
          },
          shipTo: addressOf(form.address),
          lines: form.lines.map((l) => ({ sku: l.sku.trim(), quantity: l.quantity })),
          payment: mandateOf(form),
          ...(form.firstRenewalDate ? { firstRenewalDate: form.firstRenewalDate } : {}),
        },
        form.channel,
        idempotencyKey,
      ),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['subscriptions'] });
      queryClient.setQueryData(['subscription', created.id], created);
      await navigate({
        to: '/subscriptions/$subscriptionId',
        params: { subscriptionId: created.id },
      });
    },
  });
  const chooseCustomer = (customer: KnownCustomer) => {
    setValue('name', customer.name);
    setValue('email', customer.email);
    const locale = LOCALES.find((l) => l === customer.locale);
    if (locale) setValue('locale', locale);
    if (customer.lastShipTo) setValue('address', formOfAddress(customer.lastShipTo));
    else if (!getValues('address.name')) setValue('address.name', customer.name);
  };
  const plan = plans.data?.plans.find((p) => p.code === watch('planCode'));
  const errors = formState.errors;
  return (
    <>
      <p>
        <Link to="/subscriptions">{t('backToSubscriptions')}</Link>
      </p>
      <h1>{t('newSubscription')}</h1>
      <CustomerFinder onChoose={chooseCustomer} />
      <FormProvider {...methods}>
        <form
          onSubmit={handleSubmit((form) => create.mutate(form))}
          noValidate
          aria-labelledby="signup-title"
        >
          <h2 id="signup-title">{t('signupTitle')}</h2>
          <FormMessage kind="error" text={create.error ? errorText(t, create.error) : null} />
          <fieldset>
            <legend>{t('customer')}</legend>
            <Field label={t('customerName')} error={errors.name ? t('app:required') : undefined}>
              <input type="text" autoComplete="off" {...register('name')} />
            </Field>
            <Field label={t('customerEmail')} error={errors.email ? t('emailNeeded') : undefined}>
              <input type="email" autoComplete="off" {...register('email')} />
            </Field>
            <Field label={t('language')}>
              <select {...register('locale')}>
                {LOCALES.map((l) => (
                  <option key={l} value={l}>
                    {t(`languages.${l}`)}
                  </option>
                ))}
              </select>
            </Field>
          </fieldset>
          <Field label={t('plan')} error={errors.planCode ? t('planNeeded') : undefined}>
            <select {...register('planCode')}>
              <option value="">{t('choosePlan')}</option>
              {(plans.data?.plans ?? [])
                .filter((p) => p.active)
                .map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.name} ({p.code})
                  </option>
                ))}
            </select>
          </Field>
          <fieldset>
            <legend>{t('lines')}</legend>
            <datalist id="plan-skus">
              {(plan?.skus ?? []).map((sku) => (
                <option key={sku} value={sku} />
              ))}
            </datalist>
            {lines.fields.map((line, i) => (
              <div key={line.id} className="line-row">
                <Field
                  label={t('lineSku', { n: i + 1 })}
                  hint={t('lineSkuHint')}
                  error={errors.lines?.[i]?.sku ? t('skuNeeded') : undefined}
                >
                  <input type="search" list="plan-skus" {...register(`lines.${i}.sku`)} />
                </Field>
                <Field
                  label={t('lineQuantity', { n: i + 1 })}
                  error={errors.lines?.[i]?.quantity ? t('quantityNeeded') : undefined}
                >
                  <input
                    type="number"
                    min={1}
                    max={100}
                    {...register(`lines.${i}.quantity`, { valueAsNumber: true })}
                  />
                </Field>
                {lines.fields.length > 1 ? (
                  <button type="button" onClick={() => lines.remove(i)}>
                    {t('removeLine', { n: i + 1 })}
                  </button>
                ) : null}
              </div>
            ))}
            <button type="button" onClick={() => lines.append({ sku: '', quantity: 1 })}>
              {t('addLine')}
            </button>
          </fieldset>
          <AddressFields legend={t('shipTo')} />
          <fieldset>
            <legend>{t('payment')}</legend>
            <Field label={t('paymentProvider')}>
              <select {...register('provider')}>
                <option value="ledger">{t('providers.ledger')}</option>
                <option value="mollie">{t('providers.mollie')}</option>
              </select>
            </Field>
            {watch('provider') === 'mollie' ? (
              <>
                <Field
                  label={t('mollieCustomerId')}
                  error={errors.mollieCustomerId ? t('mollieCustomerIdNeeded') : undefined}
                >
                  <input type="text" autoComplete="off" {...register('mollieCustomerId')} />
                </Field>
                <Field
                  label={t('mollieMandateId')}
                  error={errors.mollieMandateId ? t('mollieMandateIdNeeded') : undefined}
                >
                  <input type="text" autoComplete="off" {...register('mollieMandateId')} />
                </Field>
              </>
            ) : null}
          </fieldset>
          <Field label={t('channel')} error={errors.channel ? t('channelNeeded') : undefined}>
            <select {...register('channel')}>
              <option value="">{t('chooseChannel')}</option>
              {(channels.data?.channels ?? []).map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name} ({c.code})
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('currency')}>
            <select {...register('currency')}>
              {SUPPORTED_CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('firstRenewalDate')} hint={t('firstRenewalDateHint')}>
            <input type="date" {...register('firstRenewalDate')} />
          </Field>
          <button type="submit" disabled={create.isPending}>
            {t('createSubscription')}
          </button>
        </form>
      </FormProvider>
    </>
  );
}
