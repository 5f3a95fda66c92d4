// A packed or shipped order, opened from the queue by its packing slip, order number, a carton's
// SSCC or tracking number: its state, the cartons this station packed for it (carton n of m,
// SSCC, tracking number, label) and a reprint of their labels (button or CMD:REPRINT).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShipmentDoc } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';
import { reprintLabels } from '../packing/label-hand-off';
import { reprintFeedback } from '../packing/reprint-feedback';
import { useFulfillment } from '../picking/use-work-data';
import { useScanHandler } from '../scanning/use-scan-handler';
import { FeedbackBanner } from '../sound/feedback-banner';
import { feedback, useFeedback } from '../sound/feedback-store';
import { shipmentsOfOrder } from './find-order';

interface Props {
  db: StationDatabase;
  fulfillmentId: string;
  stationId: string;
  onBack(): void;
}

export function OrderScreen({ db, fulfillmentId, stationId, onBack }: Props) {
  const { t } = useTranslation();
  const give = useFeedback((s) => s.give);
  const fulfillment = useFulfillment(db, fulfillmentId);
  const [shipments, setShipments] = useState<ShipmentDoc[] | null>(null);

  useEffect(() => {
    const sub = db.shipments
      .find({ selector: { fulfillmentId } })
      .$.subscribe(() => void shipmentsOfOrder(db, fulfillmentId, stationId).then(setShipments));
    return () => sub.unsubscribe();
  }, [db, fulfillmentId, stationId]);

  // The shipment whose labels count: the confirmed one, not an earlier voided attempt.
  const shipment = shipments?.find((s) => s.status === 'confirmed' || s.status === 'accepted');

  async function reprint() {
    if (!fulfillment || !shipment) return feedback.warning('order.noCartonsHere');
    const message = reprintFeedback(await reprintLabels(shipment, fulfillment));
    give(message.tone, message.key, message.values);
  }

  useScanHandler('order', 'screen', (scan) => {
    const { result } = scan;
    if (result.kind === 'command' && result.command === 'REPRINT') void reprint();
    else if (
      result.kind === 'command' &&
      (result.command === 'DONE' || result.command === 'CANCEL')
    )
      onBack();
    else if (result.kind === 'command') return false;
    else feedback.warning('order.scanReprintOrDone');
    return true;
  });

  if (fulfillment === undefined || shipments === null)
    return <main className="screen">{t('station.loading')}</main>;
  if (fulfillment === null) {
    return (
      <main className="screen">
        <p className="message message--error">{t('work.notFound', { id: fulfillmentId })}</p>
        <button type="button" className="button" onClick={onBack}>
          {t('work.backToQueue')}
        </button>
      </main>
    );
  }
  const cartons = shipment?.cartons ?? [];
  return (
    <main
      className="screen work-screen"
      data-testid="order-screen"
      data-status={fulfillment.status}
    >
      <header className="work-screen__header">
        <h2 className="screen__title">{t('order.title', { order: fulfillment.orderNumber })}</h2>
        <span className="badge" data-testid="order-status">
          {t(`order.status.${fulfillment.status}`)}
        </span>
        <span className="work-screen__meta">
          {fulfillment.shipTo.name}, {fulfillment.shipTo.city} ({fulfillment.shipTo.country}) ·{' '}
          {fulfillment.carrier} {fulfillment.service}
        </span>
      </header>
      <FeedbackBanner />
      <p className="instruction" data-testid="instruction">
        {shipment ? t('order.instruction') : t('order.noCartonsHere')}
      </p>
      {shipment && (
        <table className="lines" data-testid="order-cartons">
          <caption className="lines__caption">
            {t('order.cartons')} · {t(`order.shipmentStatus.${shipment.status}`)}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('order.carton')}</th>
              <th scope="col">{t('order.sscc')}</th>
              <th scope="col">{t('order.tracking')}</th>
              <th scope="col">{t('order.label')}</th>
            </tr>
          </thead>
          <tbody>
            {cartons.map((carton, index) => (
              <tr key={carton.id} data-testid={`order-carton-${index + 1}`}>
                <td>{t('order.cartonOf', { number: index + 1, count: cartons.length })}</td>
                <td className="code">{carton.sscc}</td>
                <td className="code">{carton.trackingNumber ?? '—'}</td>
                <td>{t(`order.labelState.${carton.labelState}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="actions">
        {shipment && (
          <button type="button" className="button" onClick={() => void reprint()}>
            {t('order.reprint')}
          </button>
        )}
        <button type="button" className="button button--quiet" onClick={onBack}>
          {t('order.back')}
        </button>
      </div>
    </main>
  );
}
