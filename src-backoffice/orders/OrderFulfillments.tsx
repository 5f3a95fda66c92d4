// An order's fulfillments, one per warehouse: their state, what each ships, and the shipments
// the stations confirmed with every carton's SSCC and tracking link.
import { useTranslation } from 'react-i18next';
import type { OrderDetail, OrderShipment } from './orders-api';

export function OrderFulfillments({
  order,
  shipments,
}: {
  order: OrderDetail;
  shipments: OrderShipment[];
}) {
  const { t, i18n } = useTranslation('orders');
  const skuOf = new Map(order.lines.map((line) => [line.id, line.sku]));
  return (
    <section aria-labelledby="order-fulfillments">
      <h2 id="order-fulfillments">{t('fulfillments')}</h2>
      {order.fulfillments.length === 0 ? <p>{t('noFulfillments')}</p> : null}
      {order.fulfillments.map((f) => (
        <article key={f.id} aria-labelledby={`fulfillment-${f.id}`} className="fulfillment">
          <h3 id={`fulfillment-${f.id}`}>
            {t('fulfillmentAt', { warehouse: f.warehouseCode })}:{' '}
            {t(`fulfillmentStatuses.${f.status}`, { defaultValue: f.status })}
            {f.cancelRequested ? ` (${t('cancelRequested')})` : ''}
          </h3>
          <p>
            {f.lines
              .map((line) => `${line.quantity} × ${skuOf.get(line.lineId) ?? line.sku}`)
              .join(', ')}
            {f.carrier ? ` — ${f.carrier} ${f.service ?? ''}` : ''}
          </p>
          {f.shipBy && !['shipped', 'cancelled'].includes(f.status) ? (
            <p>
              {t('shipBy', {
                date: new Date(`${f.shipBy}T12:00:00Z`).toLocaleDateString(i18n.language, {
                  weekday: 'short',
                  day: 'numeric',
                  month: 'short',
                  timeZone: 'UTC',
                }),
              })}
            </p>
          ) : null}
          {shipments
            .filter((s) => s.fulfillmentId === f.id)
            .map((s) => (
              <div key={s.id}>
                <p>
                  {s.status === 'accepted'
                    ? t('shippedAt', {
                        when: s.confirmedAt
                          ? new Date(s.confirmedAt).toLocaleString(i18n.language)
                          : '—',
                      })
                    : t('shipmentRefused', { reason: s.refusalReason ?? '' })}
                </p>
                <ul>
                  {s.cartons.map((c) => (
                    <li key={c.sscc}>
                      {t('carton', { sscc: c.sscc, box: c.boxType })}{' '}
                      {c.trackingNumber && c.trackingUrl ? (
                        <a href={c.trackingUrl} rel="noreferrer noopener" target="_blank">
                          {t('track', { number: c.trackingNumber })}
                        </a>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
        </article>
      ))}
    </section>
  );
}
