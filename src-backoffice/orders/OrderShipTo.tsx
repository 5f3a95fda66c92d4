// Changing where the order ships, before picking starts (the server refuses once a station is
// picking, and an address in another country). The server's refusal is shown at the field it
// names and above the form.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../shared/countries/countries';
import type { CountryLocale } from '../../shared/countries/countries';
import { isPostalCodeOf, postalCodeExamples } from '../../shared/validation/postal-codes';
import { regionProblem, requiredRegions } from '../../shared/validation/regions';
import { ApiFailure } from '../app/api';
import { errorText } from '../ui/errors';
import { Field, FormMessage } from '../ui/Field';
import { changeShipTo } from './orders-api';
import type { OrderAddress, OrderDetail } from './orders-api';

const ADDRESS_FIELDS = [
  'name',
  'company',
  'line1',
  'line2',
  'postalCode',
  'city',
  'region',
  'country',
] as const;
type AddressField = (typeof ADDRESS_FIELDS)[number];
const REQUIRED: readonly AddressField[] = ['name', 'line1', 'postalCode', 'city', 'country'];

type ShipToForm = Record<AddressField, string> & { reason: string };

const countryLocaleOf = (language: string): CountryLocale =>
  (['nl', 'de', 'fr'] as const).find((l) => language.startsWith(l)) ?? 'en';

function formOf(address: OrderAddress): ShipToForm {
  return {
    name: address.name,
    company: address.company ?? '',
    line1: address.line1,
    line2: address.line2 ?? '',
    postalCode: address.postalCode,
    city: address.city,
    region: address.region ?? '',
    country: address.country,
    reason: '',
  };
}

/** The address to send: blank optional parts left out, the parts the form does not edit kept. */
function addressOf(values: ShipToForm, current: OrderAddress): OrderAddress {
  const { reason: _reason, ...edited } = values;
  const address: OrderAddress = { ...current, ...edited };
  for (const field of ['company', 'line2', 'region'] as const) {
    const value = address[field]?.trim();
    if (value) address[field] = value;
    else delete address[field];
  }
  return address;
}

export function OrderShipTo({ order }: { order: OrderDetail }) {
  const { t, i18n } = useTranslation('orders');
  const locale = countryLocaleOf(i18n.language);
  const queryClient = useQueryClient();
  const { register, handleSubmit, formState, reset, setError } = useForm<ShipToForm>({
    defaultValues: formOf(order.shipTo),
  });
  const own = {
    picking_started: t('shipToForm.errors.picking_started'),
    country_change: t('shipToForm.errors.country_change'),
    order_cancelled: t('shipToForm.errors.order_cancelled'),
  };
  const change = useMutation({
    mutationFn: (values: ShipToForm) =>
      changeShipTo(order.orderId, addressOf(values, order.shipTo), values.reason.trim()),
    onSuccess: async (_answer, values) => {
      reset({ ...values, reason: '' });
      await queryClient.invalidateQueries({ queryKey: ['order', order.orderId] });
      await queryClient.invalidateQueries({ queryKey: ['orders'] });
      await queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
    onError: (error) => {
      if (!(error instanceof ApiFailure)) return;
      const [root, part] = (error.body.field ?? '').split('.');
      const field =
        root === 'reason'
          ? 'reason'
          : root === 'shipTo' && ADDRESS_FIELDS.includes(part as AddressField)
            ? (part as AddressField)
            : undefined;
      if (field)
        setError(field, {
          type: 'server',
          message:
            error.body.code === 'validation_failed'
              ? t('shipToForm.fieldRefused', { message: error.body.message })
              : errorText(t, error, own),
        });
    },
  });
  const submit = handleSubmit((values) => change.mutate(values));
  const countryOf = (code: string) => countryName(code.trim().toUpperCase(), locale);
  // The country's own rules (shared/validation), checked before the server is asked.
  const byCountry: Partial<Record<AddressField, (v: string, form: ShipToForm) => true | string>> = {
    postalCode: (v, form) => {
      const country = form.country.trim().toUpperCase();
      return (
        isPostalCodeOf(country, v) ||
        t('shipToForm.postalCodeInvalid', {
          value: v,
          country: countryOf(country),
          example: postalCodeExamples(country)[0] ?? '',
        })
      );
    },
    region: (v, form) => {
      const country = form.country.trim().toUpperCase();
      const regions = requiredRegions(country);
      return (
        regionProblem(country, v.trim() || undefined, form.postalCode) === null ||
        t('shipToForm.regionInvalid', {
          country: countryOf(country),
          example: regions?.[0]?.key ?? '',
        })
      );
    },
  };
  const required = (field: AddressField) => ({
    validate: (v: string, form: ShipToForm) => {
      if (REQUIRED.includes(field) && v.trim() === '') return t('app:required');
      return byCountry[field]?.(v, form) ?? true;
    },
  });
  return (
    <form onSubmit={submit} noValidate aria-labelledby="ship-to-title">
      <h3 id="ship-to-title">{t('shipToForm.title')}</h3>
      <p className="hint">{t('shipToForm.hint')}</p>
      <FormMessage kind="error" text={change.error ? errorText(t, change.error, own) : null} />
      <FormMessage kind="success" text={change.isSuccess ? t('shipToForm.done') : null} />
      {ADDRESS_FIELDS.map((field) => (
        <Field
          key={field}
          label={t(`shipToForm.fields.${field}`)}
          error={formState.errors[field]?.message}
        >
          <input type="text" {...register(field, required(field))} />
        </Field>
      ))}
      <Field
        label={t('shipToForm.reason')}
        hint={t('reasonHint')}
        error={formState.errors.reason?.message}
      >
        <textarea
          rows={2}
          {...register('reason', {
            validate: (v) => v.trim().length >= 3 || t('reasonNeeded'),
          })}
        />
      </Field>
      <button type="submit" disabled={change.isPending}>
        {t('shipToForm.submit')}
      </button>
    </form>
  );
}
