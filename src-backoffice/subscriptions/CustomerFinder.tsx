// Finding a customer already known to the OMS by name or e-mail, to fill the signup form with
// their details and the address their last subscription or order shipped to.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../ui/errors';
import { Field } from '../ui/Field';
import { findCustomers } from './subscriptions-api';
import type { KnownCustomer } from './subscriptions-api';

export function CustomerFinder({ onChoose }: { onChoose: (customer: KnownCustomer) => void }) {
  const { t } = useTranslation('subscriptions');
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['subscription-customers', q],
    queryFn: () => findCustomers(q),
    enabled: q.length >= 2,
  });
  return (
    <form
      role="search"
      aria-labelledby="customer-finder-title"
      onSubmit={(event) => {
        event.preventDefault();
        setQ(text.trim());
      }}
    >
      <h2 id="customer-finder-title">{t('findCustomer')}</h2>
      <Field label={t('findCustomerLabel')} hint={t('findCustomerHint')}>
        <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      <button type="submit">{t('findCustomerButton')}</button>
      {found.isError ? (
        <p role="alert" className="form-message error">
          {errorText(t, found.error)}
        </p>
      ) : null}
      {found.data ? (
        found.data.customers.length === 0 ? (
          <p role="status">{t('noCustomerFound')}</p>
        ) : (
          <ul aria-label={t('customersFound')}>
            {found.data.customers.map((c) => (
              <li key={c.id}>
                <button type="button" onClick={() => onChoose(c)}>
                  {t('useCustomer', { name: c.name, email: c.email })}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </form>
  );
}
