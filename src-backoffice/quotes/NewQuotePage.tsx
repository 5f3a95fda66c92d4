// A new quote from a buyer's request: the company, the request as `SKU,quantity` rows (pasted
// from their CSV), shipping and the validity date. The server prices it from the contract list.
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { errorText } from '../ui/errors';
import { Field, FormMessage } from '../ui/Field';
import { usePageTitle } from '../ui/page-title';
import { draftQuote, fetchCompanies } from './quotes-api';

const form = z.object({
  companyId: z.string().min(1),
  csv: z.string().trim().min(1),
  validUntil: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  shipping: z.string().regex(/^\d+([.,]\d{1,2})?$/),
});
type Form = z.infer<typeof form>;

const toMinor = (text: string) => Math.round(Number(text.replace(',', '.')) * 100);

export function NewQuotePage() {
  const { t } = useTranslation('quotes');
  usePageTitle(t('newQuote'));
  const navigate = useNavigate();
  const companies = useQuery({ queryKey: ['b2b-companies'], queryFn: fetchCompanies });
  const { register, handleSubmit, formState } = useForm<Form>({
    resolver: zodResolver(form),
    defaultValues: { companyId: '', csv: '', validUntil: '', shipping: '0' },
  });
  const draft = useMutation({
    mutationFn: (v: Form) =>
      draftQuote({
        companyId: v.companyId,
        csv: v.csv,
        validUntil: v.validUntil,
        shippingMinor: toMinor(v.shipping),
      }),
    onSuccess: (quote) => void navigate({ to: '/quotes/$quoteId', params: { quoteId: quote.id } }),
  });
  const errors = formState.errors;
  return (
    <>
      <p>
        <Link to="/quotes">{t('backToQuotes')}</Link>
      </p>
      <h1>{t('newQuote')}</h1>
      <form onSubmit={handleSubmit((v) => draft.mutate(v))} noValidate>
        <FormMessage kind="error" text={draft.error ? errorText(t, draft.error) : null} />
        <Field label={t('company')} error={errors.companyId ? t('companyNeeded') : undefined}>
          <select {...register('companyId')}>
            <option value="">{t('chooseCompany')}</option>
            {(companies.data?.companies ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.legalName}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t('request')}
          hint={t('requestHint')}
          error={errors.csv ? t('requestNeeded') : undefined}
        >
          <textarea rows={8} {...register('csv')} />
        </Field>
        <Field label={t('shipping')} error={errors.shipping ? t('shippingNeeded') : undefined}>
          <input inputMode="decimal" {...register('shipping')} />
        </Field>
        <Field
          label={t('validUntil')}
          error={errors.validUntil ? t('validUntilNeeded') : undefined}
        >
          <input type="date" {...register('validUntil')} />
        </Field>
        <button type="submit" disabled={draft.isPending}>
          {t('draft')}
        </button>
      </form>
    </>
  );
}
