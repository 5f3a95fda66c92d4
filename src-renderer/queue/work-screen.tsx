import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { FulfillmentDoc, ShipmentDoc } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';
import { voidShipment } from '../packing/carton-rules';
import { PackingScreen } from '../packing/packing-screen';
import { useCatalogue } from '../picking/catalogue';
import { newWork } from '../picking/pick-rules';
import { PickingScreen } from '../picking/picking-screen';
import { useFulfillment, useWork } from '../picking/use-work-data';
import { useScanHandler } from '../scanning/use-scan-handler';
import { feedback } from '../sound/feedback-store';
import { saveShipment, saveWork } from '../sync/station-writes';

interface Props {
  db: StationDatabase;
  fulfillmentId: string;
  stationId: string;
  operatorId: string;
  onBack(): void;
}

/** One fulfillment's work: picking, then packing, as its WorkDoc says; STOP when it was cancelled. */
export function WorkScreen({ db, fulfillmentId, stationId, operatorId, onBack }: Props) {
  const { t } = useTranslation();
  const fulfillment = useFulfillment(db, fulfillmentId);
  const work = useWork(db, fulfillmentId, stationId);
  const catalogue = useCatalogue(db);

  // First visit: the WorkDoc is created (and sent) so the central OMS sees the order is being picked.
  useEffect(() => {
    if (work === null && fulfillment && !fulfillment.cancelRequested)
      void saveWork(db, newWork(fulfillmentId, stationId, operatorId));
  }, [db, work, fulfillment, fulfillmentId, stationId, operatorId]);

  if (fulfillment === undefined || work === undefined || !catalogue)
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
  if (fulfillment.cancelRequested && work?.stage !== 'done')
    return (
      <StopCancelled db={db} fulfillment={fulfillment} stationId={stationId} onBack={onBack} />
    );
  if (!work) return <main className="screen">{t('station.loading')}</main>;
  // Keyed by stage: each screen starts from the stored document, then owns it while it is shown.
  return work.stage === 'picking' ? (
    <PickingScreen
      key="picking"
      db={db}
      fulfillment={fulfillment}
      work={work}
      catalogue={catalogue}
      operatorId={operatorId}
      onBack={onBack}
    />
  ) : (
    <PackingScreen
      key="packing"
      db={db}
      fulfillment={fulfillment}
      work={work}
      catalogue={catalogue}
      stationId={stationId}
      operatorId={operatorId}
      onBack={onBack}
    />
  );
}

/** The central OMS cancelled the order while it was in the packer's hands: nothing may ship. */
function StopCancelled(props: {
  db: StationDatabase;
  fulfillment: FulfillmentDoc;
  stationId: string;
  onBack(): void;
}) {
  const { t } = useTranslation();
  useEffect(() => feedback.error('work.stopCancelled'), []);

  async function setAside() {
    const open = await props.db.shipments
      .find({ selector: { fulfillmentId: props.fulfillment.id } })
      .exec();
    for (const doc of open) {
      const shipment = doc.toJSON() as ShipmentDoc;
      if (shipment.stationId === props.stationId && shipment.status === 'open')
        await saveShipment(props.db, voidShipment(shipment));
    }
    props.onBack();
  }

  useScanHandler('stop-cancelled', 'screen', (scan) => {
    if (
      scan.result.kind === 'command' &&
      (scan.result.command === 'CANCEL' || scan.result.command === 'DONE')
    )
      void setAside();
    else if (scan.result.kind === 'command') return false;
    else feedback.error('work.stopCancelled');
    return true;
  });

  return (
    <main className="screen">
      <div className="stop" role="alert" data-testid="stop-cancelled">
        <p className="stop__title">{t('work.stopTitle')}</p>
        <p>{t('work.stopExplain', { order: props.fulfillment.orderNumber })}</p>
        <button
          type="button"
          className="button button--danger"
          autoFocus
          onClick={() => void setAside()}
        >
          {t('work.stopSetAside')}
        </button>
      </div>
    </main>
  );
}
