// The postal address of a subscription, in the signup form and the change-of-address form: one
// set of fields under `address` in whichever form holds them (react-hook-form's form context).
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Field } from '../ui/Field';
import type { SignupAddress } from './subscriptions-api';

const text = (max: number) => z.string().trim().max(max);
const needed = (max: number) => text(max).min(1);

export const addressForm = z.object({
  name: needed(200),
  company: text(200),
  line1: needed(200),
  line2: text(200),
  postalCode: needed(16),
  city: needed(100),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/),
});
export type AddressForm = z.infer<typeof addressForm>;
const FIELDS = ['name', 'company', 'line1', 'line2', 'postalCode', 'city', 'country'] as const;

export const emptyAddress: AddressForm = {
  name: '',
  company: '',
  line1: '',
  line2: '',
  postalCode: '',
  city: '',
  country: 'NL',
};

export function formOfAddress(address: Partial<SignupAddress> | null | undefined): AddressForm {
  return {
    name: address?.name ?? '',
    company: address?.company ?? '',
    line1: address?.line1 ?? '',
    line2: address?.line2 ?? '',
    postalCode: address?.postalCode ?? '',
    city: address?.city ?? '',
    country: address?.country ?? 'NL',
  };
}

/** The address to send: blank optional parts left out, the country in capitals. */
export function addressOf(form: AddressForm): SignupAddress {
  return {
    name: form.name.trim(),
    line1: form.line1.trim(),
    postalCode: form.postalCode.trim(),
    city: form.city.trim(),
    country: form.country.trim().toUpperCase(),
    ...(form.company.trim() ? { company: form.company.trim() } : {}),
    ...(form.line2.trim() ? { line2: form.line2.trim() } : {}),
  };
}

export function AddressFields({ legend }: { legend: string }) {
  const { t } = useTranslation('subscriptions');
  const { register, formState } = useFormContext<{ address: AddressForm }>();
  const errors = formState.errors.address;
  return (
    <fieldset>
      <legend>{legend}</legend>
      {FIELDS.map((field) => (
        <Field
          key={field}
          label={t(`address.${field}`)}
          error={
            errors?.[field]
              ? field === 'country'
                ? t('countryNeeded')
                : t('app:required')
              : undefined
          }
        >
          <input
            type="text"
            autoComplete={field === 'country' ? 'country' : 'off'}
            {...register(`address.${field}`)}
          />
        </Field>
      ))}
    </fieldset>
  );
}
