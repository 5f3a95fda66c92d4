import { useTranslation } from 'react-i18next';
import type { ShipmentDoc } from '../../shared/sync/documents';
import { useStation } from '../state/station-store';
import { saveShipment } from '../sync/station-writes';
import { station } from '../station-api/connect';
import { voidShipment } from './carton-rules';
import { feedback } from '../sound/feedback-store';

/**
 * After confirming: confirmed (waiting for the central OMS), accepted, or refused. A refusal is a
 * problem the packer must resolve: the printed labels must not be used, so they are voided here.
 */
export function ShipmentDone(props: {
  shipment: ShipmentDoc;
  onBack(): void;
  onVoided(shipment: ShipmentDoc): void;
  onReprint(): void;
}) {
  const { t } = useTranslation();
  const db = useStation((s) => s.db);
  const { shipment } = props;

  async function voidLabels() {
    if (!db) return;
    const voided = voidShipment(shipment);
    await saveShipment(db, voided);
    props.onVoided(voided);
    feedback.warning('problem.voided');
    // Carrier shipments of the voided labels are cancelled at the carrier (Sendcloud and UPS bill
    // uncancelled ones); a failure is logged in main's answer and shown in the console for now.
    for (const carton of voided.cartons) {
      if (!carton.trackingNumber) continue;
      await station()
        .cancelCarrierLabel({ sscc: carton.sscc })
        .catch((err: unknown) => console.warn('carrier label not cancelled:', err));
    }
  }

  if (shipment.status === 'refused') {
    return (
      <div className="problem" role="alert" data-testid="shipment-refused">
        <p className="problem__title">{t('problem.refusedTitle')}</p>
        <p>{t('problem.refusedReason', { reason: shipment.refusalReason ?? '—' })}</p>
        <p>{t('problem.voidExplain', { count: shipment.cartons.length })}</p>
        <button type="button" className="button button--danger" onClick={() => void voidLabels()}>
          {t('problem.voidLabels')}
        </button>
      </div>
    );
  }
  if (shipment.status === 'voided') {
    return (
      <div className="problem problem--resolved" data-testid="shipment-voided">
        <p>{t('problem.voided')}</p>
        <button type="button" className="button" onClick={props.onBack}>
          {t('work.backToQueue')}
        </button>
      </div>
    );
  }
  return (
    <div className="done" data-testid="shipment-confirmed" data-status={shipment.status}>
      <p className="done__title">
        {shipment.status === 'accepted' ? t('pack.accepted') : t('pack.waitingForCentral')}
      </p>
      <button type="button" className="button" onClick={props.onBack} autoFocus>
        {t('pack.nextOrder')}
      </button>
      <button type="button" className="button button--quiet" onClick={props.onReprint}>
        {t('order.reprint')}
      </button>
    </div>
  );
}
