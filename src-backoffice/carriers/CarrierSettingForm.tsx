// One carrier's settings at a warehouse, for admins: new credentials (write-only: the field is
// always empty, stored ones are never shown back; left empty, they stay as they are) and whether
// its cartons may go as the own carrier while it cannot be labelled.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CARRIER_CREDENTIAL_SCHEMAS,
  isLabelCarrier,
} from '../../shared/carriers/carrier-credentials';
import { carrierName } from '../../shared/carriers/carrier-names';
import { errorText } from '../ui/errors';
import { Field, FormMessage } from '../ui/Field';
import { saveCarrierSetting, type CarrierStatusRow } from './carriers-api';

/** The credentials typed in: empty is "keep", else a JSON object. */
function parseCredentials(text: string): Record<string, unknown> | undefined | 'invalid' {
  if (!text.trim()) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : 'invalid';
  } catch {
    return 'invalid';
  }
}

export function CarrierSettingForm({
  warehouse,
  row,
}: {
  warehouse: string;
  row: CarrierStatusRow;
}) {
  const { t } = useTranslation('carriers');
  const queryClient = useQueryClient();
  const [credentials, setCredentials] = useState('');
  const [fallbackToOwn, setFallbackToOwn] = useState(row.fallbackToOwn);
  const [invalid, setInvalid] = useState(false);
  const name = carrierName(row.carrier);
  const fields = isLabelCarrier(row.carrier)
    ? Object.keys(CARRIER_CREDENTIAL_SCHEMAS[row.carrier].shape).join(', ')
    : null;
  const save = useMutation({
    mutationFn: (parsed: Record<string, unknown> | undefined) =>
      saveCarrierSetting(warehouse, row.carrier, {
        ...(parsed ? { credentials: parsed } : {}),
        fallbackToOwn,
      }),
    onSuccess: async () => {
      setCredentials('');
      await queryClient.invalidateQueries({ queryKey: ['carriers', warehouse] });
    },
  });
  return (
    <form
      noValidate
      aria-label={t('formTitle', { carrier: name })}
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = parseCredentials(credentials);
        setInvalid(parsed === 'invalid');
        if (parsed !== 'invalid') save.mutate(parsed);
      }}
    >
      <FormMessage kind="error" text={save.error ? errorText(t, save.error) : null} />
      <FormMessage kind="success" text={save.isSuccess ? t('saved', { carrier: name }) : null} />
      {fields ? (
        <Field
          label={t('credentials', { carrier: name })}
          hint={t('credentialsHint', { fields })}
          error={invalid ? t('credentialsInvalid') : undefined}
        >
          <textarea
            rows={4}
            autoComplete="off"
            spellCheck={false}
            value={credentials}
            onChange={(e) => setCredentials(e.target.value)}
          />
        </Field>
      ) : null}
      <label className="check">
        <input
          type="checkbox"
          checked={fallbackToOwn}
          onChange={(e) => setFallbackToOwn(e.target.checked)}
        />
        {t('fallbackToOwn', { carrier: name })}
      </label>
      <button type="submit" disabled={save.isPending}>
        {t('save', { carrier: name })}
      </button>
    </form>
  );
}
