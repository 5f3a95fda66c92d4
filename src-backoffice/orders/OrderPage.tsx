// One order: its facts, lines, fulfillments per warehouse with their shipments and tracking
// links, the timeline of every event and customer e-mail (each e-mail can be resent), the actions with a reason (hold,
// cancel, cancel units of lines, change the ship-to address), and a link to its audit trail.
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AddressLines } from '../ui/AddressLines';
import { errorText } from '../ui/errors';
import { usePageTitle } from '../ui/page-title';
import { OrderActions } from './OrderActions';
import { OrderEmailResend } from './OrderEmailResend';
import { OrderFulfillments } from './OrderFulfillments';
import { OrderLineCancel } from './OrderLineCancel';
import { OrderShipTo } from './OrderShipTo';
import { fetchOrder, fetchShipments, money } from './orders-api';
import { OrderVat } from './OrderVat';
import type { OrderDetail } from './orders-api';

/** The order's events and the customer e-mails sent for it, in the order they happened. */
function Timeline({ order }: { order: OrderDetail }) {
  const { t, i18n } = useTranslation('orders');
  const entries = [
    ...order.events.map((event) => ({
      at: event.at,
      text: t(`events.${event.type}`, { defaultValue: event.type }),
      reason: typeof event.detail.reason === 'string' ? event.detail.reason : null,
      actor: event.actor as string | null,
      resendKind: null as string | null,
      // Carrier tracking events carry the carrier's tracking page for the parcel.
      trackingUrl: typeof event.detail.trackingUrl === 'string' ? event.detail.trackingUrl : null,
    })),
    ...order.emails.map((email) => ({
      at: email.at,
      text: t('emailSent', { kind: t(`emailKinds.${email.kind}`, { defaultValue: email.kind }) }),
      reason: null,
      actor: null,
      resendKind: email.kind as string | null,
      trackingUrl: null,
    })),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return (
    <ol className="timeline">
      {entries.map((entry, i) => (
        <li key={`${entry.at}-${entry.text}-${i}`}>
          <time dateTime={entry.at}>{new Date(entry.at).toLocaleString(i18n.language)}</time>
          <strong>{entry.text}</strong>
          {entry.reason ? ` — ${entry.reason}` : ''}{' '}
          {entry.actor ? <span className="hint">({entry.actor})</span> : null}
          {entry.trackingUrl ? (
            <>
              {' '}
              <a href={entry.trackingUrl} target="_blank" rel="noreferrer">
                {t('trackParcel')}
              </a>
            </>
          ) : null}
          {entry.resendKind ? (
            <OrderEmailResend orderId={order.orderId} kind={entry.resendKind} />
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** Statuses in which the address may still change (the server checks the fulfillments too). */
const SHIP_TO_CHANGEABLE = ['placed', 'allocated', 'backordered', 'released', 'on_hold'];
const LINES_CANCELLABLE = [...SHIP_TO_CHANGEABLE, 'picking', 'partially_shipped'];

export function OrderPage() {
  const { t, i18n } = useTranslation('orders');
  const { orderId } = useParams({ strict: false }) as { orderId: string };
  const order = useQuery({ queryKey: ['order', orderId], queryFn: () => fetchOrder(orderId) });
  const shipments = useQuery({
    queryKey: ['order', orderId, 'shipments'],
    queryFn: () => fetchShipments(orderId),
  });
  const title = order.data
    ? t('orderTitle', { reference: order.data.channelOrderRef })
    : t('orderLoading');
  usePageTitle(title);
  if (order.isError)
    return (
      <>
        <h1>{t('orderLoading')}</h1>
        <p role="alert" className="form-message error">
          {errorText(t, order.error)}
        </p>
      </>
    );
  if (!order.data) return <h1>{t('orderLoading')}</h1>;
  const o = order.data;
  const language = i18n.language;
  return (
    <>
      <p>
        <Link to="/orders">{t('backToOrders')}</Link>
      </p>
      <h1>{title}</h1>
      <dl className="order-facts">
        <dt>{t('status')}</dt>
        <dd data-testid="order-status">{t(`statuses.${o.status}`)}</dd>
        <dt>{t('orderNumber')}</dt>
        <dd>{o.orderId}</dd>
        <dt>{t('channel')}</dt>
        <dd>{o.channel}</dd>
        <dt>{t('placedAt')}</dt>
        <dd>{new Date(o.placedAt).toLocaleString(language)}</dd>
        <dt>{t('customerColumn')}</dt>
        <dd>{[o.shipTo.name, o.email].filter(Boolean).join(' · ')}</dd>
        <dt>{t('shipTo')}</dt>
        <dd>
          <AddressLines address={o.shipTo} />
        </dd>
        {o.shipToLocationSource ? (
          <>
            <dt>{t('locationSource.title')}</dt>
            <dd>{t(`locationSource.${o.shipToLocationSource}`)}</dd>
          </>
        ) : null}
        {o.poNumber ? (
          <>
            <dt>{t('filters.poNumber')}</dt>
            <dd>{o.poNumber}</dd>
          </>
        ) : null}
        <dt>{t('total')}</dt>
        <dd>{money(o.totalMinor, o.currency, language)}</dd>
      </dl>
      <div className="order-sections">
        <section aria-labelledby="order-actions">
          <h2 id="order-actions">{t('actionsTitle')}</h2>
          <OrderActions orderId={o.orderId} status={o.status} />
          {LINES_CANCELLABLE.includes(o.status) ? <OrderLineCancel order={o} /> : null}
          {SHIP_TO_CHANGEABLE.includes(o.status) ? <OrderShipTo order={o} /> : null}
          <p>
            <Link to="/audit" search={{ objectType: 'order', objectId: o.orderId }}>
              {t('auditTrail')}
            </Link>
          </p>
        </section>
        <section aria-labelledby="order-timeline">
          <h2 id="order-timeline">{t('timeline')}</h2>
          <Timeline order={o} />
        </section>
      </div>
      <section aria-labelledby="order-lines">
        <h2 id="order-lines">{t('lines')}</h2>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('filters.sku')}</th>
                <th scope="col">{t('product')}</th>
                <th scope="col">{t('quantity')}</th>
                <th scope="col">{t('backordered')}</th>
                <th scope="col">{t('cancelledQuantity')}</th>
                <th scope="col">{t('total')}</th>
              </tr>
            </thead>
            <tbody>
              {o.lines.map((line) => (
                <tr key={line.id}>
                  <td>{line.sku}</td>
                  <td>{line.name}</td>
                  <td>{line.quantity}</td>
                  <td>{line.backorderedQuantity}</td>
                  <td>{line.cancelledQuantity}</td>
                  <td>{money(line.lineTotalMinor, o.currency, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <OrderVat order={o} />
      <OrderFulfillments order={o} shipments={shipments.data?.shipments ?? []} />
    </>
  );
}
