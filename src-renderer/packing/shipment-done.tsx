import { useTranslation } from 'react-i18next';
import type { ShipmentDoc } from '../../shared/sync/documents';
import { useStation } from '../state/station-store';
import { station } from '../station-api/connect';
import { feedback } from '../sound/feedback-store';
import { isShipmentSettled } from './carton-rules';
import { voidShipmentLabels } from './void-cartons';
import { reasonText } from '../i18n/reason-text';

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
    const voided = await voidShipmentLabels(db, station(), shipment);
    props.onVoided(voided);
    feedback.warning('problem.voided');
  }

  if (shipment.status === 'refused' && !isShipmentSettled(shipment)) {
    return (
      <div className="problem" role="alert" data-testid="shipment-refused">
        <p className="problem__title">{t('problem.refusedTitle')}</p>
        <p data-testid="refusal-reason">
          {t('problem.refusedReason', {
            reason: reasonText(t, shipment.refusal, shipment.refusalReason),
          })}
        </p>
        <p>{t('problem.voidExplain', { count: shipment.cartons.length })}</p>
        <button type="button" className="button button--danger" onClick={() => void voidLabels()}>
          {t('problem.voidLabels')}
        </button>
      </div>
    );
  }
  if (shipment.status === 'voided' || shipment.status === 'refused') {
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
