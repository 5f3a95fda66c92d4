// One channel's API keys: issue a key (the only time it is shown: copy it into the channel's
// configuration), then revoke the old one with a reason. Both land in the audit log.
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { errorText } from '../ui/errors';
import { Field, FormMessage } from '../ui/Field';
import { usePageTitle } from '../ui/page-title';
import { fetchChannelKeys, issueChannelKey, revokeChannelKey } from './channels-api';
import type { ChannelKey } from './channels-api';

const issueForm = z.object({ label: z.string().trim().min(1).max(100) });
const revokeForm = z.object({ reason: z.string().trim().min(3).max(500) });

function RevokeKey({ code, channelKey }: { code: string; channelKey: ChannelKey }) {
  const { t } = useTranslation('channels');
  const queryClient = useQueryClient();
  const { register, handleSubmit, formState } = useForm<z.infer<typeof revokeForm>>({
    resolver: zodResolver(revokeForm),
  });
  const revoke = useMutation({
    mutationFn: (reason: string) => revokeChannelKey(code, channelKey.id, reason),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['channel-keys', code] }),
  });
  return (
    <form onSubmit={handleSubmit((v) => revoke.mutate(v.reason))} noValidate>
      <FormMessage kind="error" text={revoke.error ? errorText(t, revoke.error) : null} />
      <Field
        label={t('revokeReason', { label: channelKey.label })}
        error={formState.errors.reason ? t('reasonNeeded') : undefined}
      >
        <input autoComplete="off" {...register('reason')} />
      </Field>
      <button type="submit" className="secondary" disabled={revoke.isPending}>
        {t('revoke', { label: channelKey.label })}
      </button>
    </form>
  );
}

export function ChannelPage() {
  const { t, i18n } = useTranslation('channels');
  const { channelCode } = useParams({ strict: false }) as { channelCode: string };
  usePageTitle(t('channelTitle', { code: channelCode }));
  const queryClient = useQueryClient();
  const keys = useQuery({
    queryKey: ['channel-keys', channelCode],
    queryFn: () => fetchChannelKeys(channelCode),
  });
  const [shown, setShown] = useState<string | null>(null);
  const { register, handleSubmit, formState, reset } = useForm<z.infer<typeof issueForm>>({
    resolver: zodResolver(issueForm),
    defaultValues: { label: '' },
  });
  const issue = useMutation({
    mutationFn: (label: string) => issueChannelKey(channelCode, label),
    onSuccess: async (issued) => {
      setShown(issued.apiKey);
      reset({ label: '' });
      await queryClient.invalidateQueries({ queryKey: ['channel-keys', channelCode] });
    },
  });
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  return (
    <>
      <p>
        <Link to="/channels">{t('backToChannels')}</Link>
      </p>
      <h1>{t('channelTitle', { code: channelCode })}</h1>
      {keys.isError ? <FormMessage kind="error" text={errorText(t, keys.error)} /> : null}
      <section aria-labelledby="issue-key">
        <h2 id="issue-key">{t('issueTitle')}</h2>
        <form onSubmit={handleSubmit((v) => issue.mutate(v.label))} noValidate>
          <FormMessage kind="error" text={issue.error ? errorText(t, issue.error) : null} />
          <Field
            label={t('label')}
            hint={t('labelHint')}
            error={formState.errors.label ? t('labelNeeded') : undefined}
          >
            <input autoComplete="off" {...register('label')} />
          </Field>
          <button type="submit" disabled={issue.isPending}>
            {t('issue')}
          </button>
        </form>
        {shown ? (
          <div role="status" className="form-message success">
            <p>{t('shownOnce')}</p>
            <code data-testid="new-api-key">{shown}</code>
          </div>
        ) : null}
      </section>
      <section aria-labelledby="channel-keys">
        <h2 id="channel-keys">{t('keysTitle')}</h2>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('label')}</th>
                <th scope="col">{t('created')}</th>
                <th scope="col">{t('state')}</th>
              </tr>
            </thead>
            <tbody>
              {(keys.data?.keys ?? []).map((key) => (
                <tr key={key.id}>
                  <td>{key.label}</td>
                  <td>{when(key.createdAt)}</td>
                  <td>
                    {key.revokedAt ? (
                      t('revokedAt', { when: when(key.revokedAt) })
                    ) : (
                      <RevokeKey code={channelCode} channelKey={key} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
