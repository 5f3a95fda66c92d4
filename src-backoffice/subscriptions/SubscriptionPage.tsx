// One subscription: its customer, plan, lines and next renewal, the actions with a reason, the
// renewals with a link to each renewal's order, and the history of every change with who made it.
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AddressLines } from '../ui/AddressLines';
import { errorText } from '../ui/errors';
import { usePageTitle } from '../ui/page-title';
import { SubscriptionActions } from './SubscriptionActions';
import { SubscriptionEdit } from './SubscriptionEdit';
import { fetchSubscription } from './subscriptions-api';
import type { SubscriptionDetail } from './subscriptions-api';

const money = (minor: number, currency: string, language: string) =>
  new Intl.NumberFormat(language, { style: 'currency', currency }).format(minor / 100);

function Renewals({ subscription: s }: { subscription: SubscriptionDetail }) {
  const { t, i18n } = useTranslation('subscriptions');
  if (s.renewals.length === 0) return <p>{t('noRenewals')}</p>;
  return (
    <div className="table-scroll">
      <table>
        <caption>{t('renewalsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cycle')}</th>
            <th scope="col">{t('renewalDate')}</th>
            <th scope="col">{t('renewalStatus')}</th>
            <th scope="col">{t('amount')}</th>
            <th scope="col">{t('order')}</th>
          </tr>
        </thead>
        <tbody>
          {s.renewals.map((r) => (
            <tr key={r.cycleNo}>
              <td>{r.cycleNo}</td>
              <td>{new Date(r.renewalDate).toLocaleDateString(i18n.language)}</td>
              <td>{t(`renewalStatuses.${r.status}`, { defaultValue: r.status })}</td>
              <td>
                {r.chargeKind === 'prepaid'
                  ? t('prepaidCycle')
                  : money(r.amountMinor, s.currency, i18n.language)}
              </td>
              <td>
                {r.orderId ? (
                  <Link to="/orders/$orderId" params={{ orderId: r.orderId }}>
                    {t('orderOfCycle', { reference: `${s.reference}-${r.cycleNo}` })}
                  </Link>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function History({ subscription: s }: { subscription: SubscriptionDetail }) {
  const { t, i18n } = useTranslation('subscriptions');
  return (
    <ol className="timeline" data-testid="subscription-history">
      {[...s.history].reverse().map((event, i) => (
        <li key={`${event.at}-${i}`}>
          <time dateTime={event.at}>{new Date(event.at).toLocaleString(i18n.language)}</time>{' '}
          <strong>{t(`events.${event.type}`, { defaultValue: event.type })}</strong>
          {typeof event.detail.reason === 'string' ? ` — ${event.detail.reason}` : ''}{' '}
          <span className="hint">({event.actor})</span>
        </li>
      ))}
    </ol>
  );
}

export function SubscriptionPage() {
  const { t, i18n } = useTranslation('subscriptions');
  const { subscriptionId } = useParams({ strict: false }) as { subscriptionId: string };
  const found = useQuery({
    queryKey: ['subscription', subscriptionId],
    queryFn: () => fetchSubscription(subscriptionId),
  });
  const title = found.data
    ? t('subscriptionTitle', { reference: found.data.reference })
    : t('subscriptionLoading');
  usePageTitle(title);
  if (found.isError)
    return (
      <>
        <h1>{t('subscriptionLoading')}</h1>
        <p role="alert" className="form-message error">
          {errorText(t, found.error)}
        </p>
      </>
    );
  if (!found.data) return <h1>{t('subscriptionLoading')}</h1>;
  const s = found.data;
  const language = i18n.language;
  const date = (iso: string) => new Date(iso).toLocaleDateString(language);
  const ongoing = s.state === 'active' || s.state === 'paused';
  return (
    <>
      <p>
        <Link to="/subscriptions">{t('backToSubscriptions')}</Link>
      </p>
      <h1>{title}</h1>
      <dl className="order-facts">
        <dt>{t('state')}</dt>
        <dd data-testid="subscription-state">
          {s.state === 'paused' && s.pausedUntil
            ? t('pausedUntil', { date: date(s.pausedUntil) })
            : t(`states.${s.state}`)}
        </dd>
        <dt>{t('plan')}</dt>
        <dd>
          {s.plan.name} ({s.plan.code})
        </dd>
        <dt>{t('customer')}</dt>
        <dd>{[s.customer.name, s.customer.email].join(' · ')}</dd>
        <dt>{t('shipTo')}</dt>
        <dd>
          <AddressLines address={s.shipTo} />
        </dd>
        <dt>{t('channel')}</dt>
        <dd>{s.channel}</dd>
        <dt>{t('nextRenewal')}</dt>
        <dd data-testid="subscription-next-renewal">
          {ongoing
            ? t('nextRenewalLine', {
                date: date(s.nextRenewal.date),
                cycle: s.nextRenewal.cycleNo,
                lastChange: date(s.nextRenewal.lastChangeDate),
              })
            : '—'}
          {ongoing && s.nextRenewal.waitingForStock ? ` · ${t('waitingForStock')}` : ''}
        </dd>
        <dt>{t('cyclesPlaced')}</dt>
        <dd>{s.cyclesPlaced}</dd>
        <dt>{t('payment')}</dt>
        <dd>{t(`providers.${s.payment.provider}`)}</dd>
      </dl>
      <section aria-labelledby="subscription-lines">
        <h2 id="subscription-lines">{t('lines')}</h2>
        <ul>
          {s.lines.map((line) => (
            <li key={line.lineNo}>
              {line.quantity} × {line.name} ({line.sku})
              {line.unitPriceMinor === null
                ? ` · ${t('noPrice')}`
                : ` · ${money(line.unitPriceMinor, s.currency, language)}`}
            </li>
          ))}
        </ul>
      </section>
      <div className="order-sections">
        <section aria-labelledby="subscription-actions">
          <h2 id="subscription-actions">{t('actionsTitle')}</h2>
          <SubscriptionActions id={s.id} state={s.state} />
          {ongoing ? <SubscriptionEdit key={s.id} subscription={s} /> : null}
          <p>
            <Link to="/audit" search={{ objectType: 'subscription', objectId: s.id }}>
              {t('auditTrail')}
            </Link>
          </p>
        </section>
        <section aria-labelledby="subscription-history-title">
          <h2 id="subscription-history-title">{t('history')}</h2>
          <History subscription={s} />
        </section>
      </div>
      <section aria-labelledby="subscription-renewals">
        <h2 id="subscription-renewals">{t('renewals')}</h2>
        <Renewals subscription={s} />
      </section>
    </>
  );
}
