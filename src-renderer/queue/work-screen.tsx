import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkDoc } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';
import { PackingScreen } from '../packing/packing-screen';
import { useCatalogue } from '../picking/catalogue';
import { newWork } from '../picking/pick-rules';
import { PickingScreen } from '../picking/picking-screen';
import { useFulfillment, useWork } from '../picking/use-work-data';
import { saveWork } from '../sync/station-writes';
import { putBackTask } from './put-back-rules';
import { PutBackScreen } from './put-back-screen';
import { startRefusal } from './queue-rules';
import { useStationShipments } from './use-put-back-tasks';

interface Props {
  db: StationDatabase;
  fulfillmentId: string;
  stationId: string;
  operatorId: string;
  onBack(): void;
}

/**
 * One fulfillment's work: picking, then packing, as its WorkDoc says. An order cancelled
 * centrally, or work given back to the queue with goods picked, is a put-back task instead.
 */
export function WorkScreen({ db, fulfillmentId, stationId, operatorId, onBack }: Props) {
  const { t } = useTranslation();
  const fulfillment = useFulfillment(db, fulfillmentId);
  const stored = useWork(db, fulfillmentId, stationId);
  const shipments = useStationShipments(db, fulfillmentId, stationId);
  const catalogue = useCatalogue(db);
  const task =
    stored && fulfillment && shipments ? putBackTask(stored, fulfillment, shipments) : null;
  // Work given back with nothing to put back (or put back already) is started afresh when the
  // packer opens the order again; given back while it is on screen, the packer is told.
  const opened = useRef<WorkDoc | null | undefined>(undefined);
  if (opened.current === undefined && stored !== undefined) opened.current = stored;
  const givenBack = Boolean(stored?.release) && !task && fulfillment?.cancelRequested !== true;
  const restart = givenBack && Boolean(opened.current?.release);
  const work = restart ? null : stored;

  // First visit: the WorkDoc is created (and sent) so the central OMS sees the order is being picked.
  useEffect(() => {
    if (work === null && fulfillment && !fulfillment.cancelRequested && shipments)
      void saveWork(db, newWork(fulfillmentId, stationId, operatorId));
  }, [db, work, fulfillment, shipments, fulfillmentId, stationId, operatorId]);

  if (fulfillment === undefined || work === undefined || !catalogue || !shipments)
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
  if (fulfillment.cancelRequested && (!work || work.stage !== 'done' || task)) {
    const stop = work ?? newWork(fulfillmentId, stationId, operatorId);
    const cancelled = task ?? putBackTask(stop, fulfillment, shipments);
    if (!cancelled) return <PutBackFinished order={fulfillment.orderNumber} onBack={onBack} />;
    return (
      <PutBackScreen db={db} task={cancelled} work={stop} canTakeBack={false} onBack={onBack} />
    );
  }
  if (givenBack && !restart)
    return <PutBackFinished released order={fulfillment.orderNumber} onBack={onBack} />;
  if (task && work) {
    const startable = startRefusal(fulfillment, fulfillment.warehouseCode) === null;
    return (
      <PutBackScreen
        key={work.release?.at}
        db={db}
        task={task}
        work={work}
        canTakeBack={startable}
        onBack={onBack}
      />
    );
  }
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

/** Nothing more to do here: a cancelled order put back, or work given back with nothing picked. */
function PutBackFinished(props: { order: string; released?: boolean; onBack(): void }) {
  const { t } = useTranslation();
  return (
    <main className="screen">
      <div className="problem problem--resolved" data-testid="put-back-finished">
        <p>
          {t(props.released ? 'putBack.givenBack' : 'putBack.finished', { order: props.order })}
        </p>
        <button type="button" className="button" onClick={props.onBack} autoFocus>
          {t('work.backToQueue')}
        </button>
      </div>
    </main>
  );
}
