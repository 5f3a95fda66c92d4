import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { scannedText } from '../../shared/barcodes';
import type { FulfillmentDoc, ShipmentDoc } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';
import { useScanHandler } from '../scanning/use-scan-handler';
import { FeedbackBanner } from '../sound/feedback-banner';
import { feedback } from '../sound/feedback-store';
import { reasonText } from '../i18n/reason-text';
import { createBatch, loadToteHolders, useOpenBatch } from '../picking/batch-data';
import { orderInTote } from '../picking/tote-rules';
import { BatchBar } from './batch-bar';
import { findScannedOrder } from './find-order';
import { startRefusal, workQueue } from './queue-rules';
import { useBatchSettings } from './batch-settings';
import { isShipmentSettled } from '../packing/carton-rules';
import { usePutBackTasks } from './use-put-back-tasks';

/** Rows drawn at once: the queue is worked from the top, the filter finds the rest. */
const VISIBLE_ROWS = 100;

interface Props {
  db: StationDatabase;
  warehouseCode: string;
  stationId: string;
  operatorId: string;
  onStart(fulfillmentId: string): void;
  onStartBatch(batchId: string): void;
  onOpenOrder(fulfillmentId: string): void;
}

export function QueueScreen(props: Props) {
  const { db, warehouseCode, stationId, onStart, onStartBatch, onOpenOrder } = props;
  const { t, i18n } = useTranslation();
  const [fulfillments, setFulfillments] = useState<FulfillmentDoc[]>([]);
  const [problems, setProblems] = useState<ShipmentDoc[]>([]);
  const [filter, setFilter] = useState('');
  const rows = useRef<HTMLTableSectionElement>(null);
  const openBatch = useOpenBatch(db, stationId);
  const putBacks = usePutBackTasks(db, stationId);
  const batchSize = useBatchSettings((s) => s.batchSize);

  useEffect(() => {
    const sub = db.fulfillments
      .find({ selector: { status: { $in: ['released', 'picking'] } } })
      .$.subscribe((docs) => setFulfillments(docs.map((d) => d.toJSON() as FulfillmentDoc)));
    const problemsSub = db.shipments
      .find({ selector: { status: 'refused' } })
      .$.subscribe((docs) =>
        setProblems(
          docs
            .map((d) => d.toJSON() as ShipmentDoc)
            .filter((s) => s.stationId === stationId && !isShipmentSettled(s)),
        ),
      );
    return () => {
      sub.unsubscribe();
      problemsSub.unsubscribe();
    };
  }, [db, stationId]);

  const queue = useMemo(
    () => workQueue(fulfillments, warehouseCode, filter),
    [fulfillments, warehouseCode, filter],
  );
  const date = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }),
    [i18n.language],
  );

  // A second CMD:BATCH while the first batch is being saved must not take the same orders again.
  const creating = useRef(false);
  async function pickBatch() {
    if (creating.current) return;
    creating.current = true;
    const batch = await createBatch(db, queue, stationId, props.operatorId, batchSize).finally(
      () => (creating.current = false),
    );
    if (!batch) return feedback.error('batch.nothingToBatch');
    feedback.success('batch.started', { count: batch.count }, { carry: true });
    onStartBatch(batch.batchId);
  }

  /** A tote holds a picked order: open it for packing (or its batch, if that is still picking). */
  async function openTote(tote: string) {
    const holder = orderInTote(await loadToteHolders(db, stationId), tote);
    if (!holder) return feedback.error('queue.toteEmpty', { tote });
    feedback.success('queue.toteOpening', { tote, order: holder.orderNumber }, { carry: true });
    if (holder.stage === 'picking' && !holder.cancelled) onStartBatch(holder.batchId);
    else onStart(holder.fulfillmentId);
  }

  /** A scanned order: started when it can be, opened to look at (and reprint) when packed. */
  function openFound(found: FulfillmentDoc) {
    const refusal = startRefusal(found, warehouseCode);
    if (refusal === 'finished') {
      feedback.success('order.opened', { order: found.orderNumber }, { carry: true });
      return onOpenOrder(found.id);
    }
    if (refusal === 'cancelled') return feedback.error('work.stopCancelled');
    if (refusal) return feedback.error(`queue.refusal.${refusal}`, { order: found.orderNumber });
    feedback.success('queue.starting', { order: found.orderNumber }, { carry: true });
    onStart(found.id);
  }

  useScanHandler('queue', 'screen', (scan) => {
    const { result } = scan;
    if (result.kind === 'command' && result.command === 'BATCH') {
      void pickBatch();
      return true;
    }
    // Other commands (sign-out) belong to the level below.
    if (result.kind === 'command') return false;
    if (result.kind === 'tote') {
      void openTote(result.code);
      return true;
    }
    if (result.kind === 'bin') {
      feedback.warning('scan.isBin', { bin: result.code });
      return true;
    }
    void findScannedOrder(db, scan).then((found) => {
      if (found) return openFound(found);
      if (result.kind === 'fulfillment' || result.kind === 'unknown' || result.kind === 'sscc')
        return feedback.error('queue.notFound', { code: scannedText(scan.raw) });
      feedback.warning('queue.scanOrder');
    });
    return true;
  });

  function onRowKey(event: KeyboardEvent<HTMLTableRowElement>, id: string) {
    const row = event.currentTarget;
    if (event.key === 'Enter') onStart(id);
    else if (event.key === 'ArrowDown') (row.nextElementSibling as HTMLElement | null)?.focus();
    else if (event.key === 'ArrowUp') (row.previousElementSibling as HTMLElement | null)?.focus();
    else return;
    event.preventDefault();
  }

  return (
    <main className="screen" data-testid="queue-screen">
      <h2 className="screen__title">{t('queue.title')}</h2>
      <FeedbackBanner />
      {(problems.length > 0 || putBacks.length > 0) && (
        <ul className="problems" data-testid="problems">
          {putBacks.map((task) => (
            <li
              key={`put-back-${task.fulfillmentId}`}
              className="problem"
              data-testid="put-back-task"
            >
              <span>
                {t(`queue.putBack.${task.cause}`, {
                  order: task.orderNumber,
                  count: task.items.reduce((sum, item) => sum + item.quantity, 0),
                })}
              </span>
              <button
                type="button"
                className="button button--danger"
                onClick={() => onStart(task.fulfillmentId)}
              >
                {t('queue.putBackButton')}
              </button>
            </li>
          ))}
          {problems
            .filter((shipment) => !putBacks.some((p) => p.fulfillmentId === shipment.fulfillmentId))
            .map((shipment) => (
              <li key={shipment.id} className="problem">
                <span>
                  {t('queue.problem', {
                    reason: reasonText(t, shipment.refusal, shipment.refusalReason),
                  })}
                </span>
                <button
                  type="button"
                  className="button button--danger"
                  onClick={() => onStart(shipment.fulfillmentId)}
                >
                  {t('queue.resolve')}
                </button>
              </li>
            ))}
        </ul>
      )}
      <BatchBar
        openBatch={openBatch}
        onPickBatch={() => void pickBatch()}
        onResume={() => openBatch && onStartBatch(openBatch)}
      />
      <div className="queue-bar">
        <p className="instruction" data-testid="instruction">
          {t('queue.scanOrder')}
        </p>
        <label className="field queue-bar__filter">
          <span className="field__label">{t('queue.filter')}</span>
          <input
            className="field__input"
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            onKeyDown={(e) =>
              e.key === 'ArrowDown' &&
              (rows.current?.firstElementChild as HTMLElement | null)?.focus()
            }
            data-testid="queue-filter"
          />
        </label>
        <span className="queue-bar__count" data-testid="queue-size" data-count={queue.length}>
          {t('home.queue', { count: queue.length })}
        </span>
      </div>
      <table className="lines queue">
        <thead>
          <tr>
            <th>{t('queue.order')}</th>
            <th className="num">{t('queue.priority')}</th>
            <th>{t('queue.promised')}</th>
            <th className="num">{t('queue.items')}</th>
            <th>{t('queue.shipTo')}</th>
            <th>{t('queue.service')}</th>
          </tr>
        </thead>
        <tbody ref={rows}>
          {queue.slice(0, VISIBLE_ROWS).map((f) => (
            <tr
              key={f.id}
              tabIndex={0}
              className="queue__row"
              data-id={f.id}
              onKeyDown={(e) => onRowKey(e, f.id)}
              onDoubleClick={() => onStart(f.id)}
            >
              <td className="code">
                {f.orderNumber}
                {f.status === 'picking' && <span className="badge">{t('queue.inProgress')}</span>}
              </td>
              <td className="num">{f.priority}</td>
              <td>{f.promisedDate ? date.format(new Date(`${f.promisedDate}T00:00:00Z`)) : '—'}</td>
              <td className="num">
                {f.lines.reduce((sum, l) => sum + l.quantity, 0).toLocaleString(i18n.language)}
              </td>
              <td>
                {f.shipTo.name}, {f.shipTo.city} ({f.shipTo.country})
              </td>
              <td>{f.service}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
