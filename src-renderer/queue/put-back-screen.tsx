// The put-back task on screen: why the order will not ship from here, what to put back from where
// to which bin, and which cartons' labels and SSCCs were voided. CMD:DONE (or the button) says
// everything is back; work that was given back may instead be taken again.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ssccHumanReadable } from '../../shared/gs1/sscc';
import type { WorkDoc } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';
import { voidUnshippedShipments } from '../packing/void-cartons';
import { useScanHandler } from '../scanning/use-scan-handler';
import { reasonText } from '../i18n/reason-text';
import { FeedbackBanner } from '../sound/feedback-banner';
import { feedback } from '../sound/feedback-store';
import { station } from '../station-api/connect';
import { saveWork } from '../sync/station-writes';
import { putBack, takeBack, type PutBackTask } from './put-back-rules';

interface Props {
  db: StationDatabase;
  task: PutBackTask;
  work: WorkDoc;
  /** The order may be started again (given back, not cancelled, still in the queue). */
  canTakeBack: boolean;
  onBack(): void;
}

export function PutBackScreen({ db, task, work, canTakeBack, onBack }: Props) {
  const { t, i18n } = useTranslation();
  const cancelled = task.cause === 'cancelled';
  const voiding = useRef<Promise<unknown> | null>(null);

  // A cancelled order may not ship: its labels are voided at once, before anything else happens,
  // and its open cartons; a shipment already confirmed waits for the central OMS's refusal.
  useEffect(() => {
    if (!cancelled) return;
    feedback.error('work.stopCancelled');
    voiding.current ??= voidUnshippedShipments(db, station(), work.fulfillmentId, work.stationId, {
      awaitVerdict: true,
    });
  }, [cancelled, db, work.fulfillmentId, work.stationId]);

  async function confirm() {
    await voiding.current;
    // Whatever is still unsettled now (a confirmed shipment with no verdict yet: offline) is voided.
    await voidUnshippedShipments(db, station(), work.fulfillmentId, work.stationId);
    await saveWork(db, putBack(work, new Date().toISOString()));
    feedback.success('putBack.done', { order: task.orderNumber });
    onBack();
  }

  async function again() {
    await saveWork(db, takeBack(work));
    feedback.success('putBack.takenBack', { order: task.orderNumber });
  }

  useScanHandler('put-back', 'screen', (scan) => {
    if (scan.result.kind === 'command' && scan.result.command === 'DONE') void confirm();
    else if (scan.result.kind === 'command' && scan.result.command === 'CANCEL') onBack();
    else if (scan.result.kind === 'command') return false;
    else feedback.warning('putBack.scanDone');
    return true;
  });

  const number = (n: number) => n.toLocaleString(i18n.language);
  const where = (item: PutBackTask['items'][number]) =>
    [
      item.cartons.length > 0 && t('putBack.inCartons', { cartons: item.cartons.join(', ') }),
      item.tote && t('putBack.inTote', { tote: item.tote }),
    ]
      .filter(Boolean)
      .join(' · ') || t('putBack.onBench');

  return (
    <main className="screen work-screen" data-testid="put-back" data-cause={task.cause}>
      <div className={cancelled ? 'stop' : 'problem'} role="alert">
        <p className={cancelled ? 'stop__title' : 'problem__title'}>
          {cancelled ? t('work.stopTitle') : t('putBack.releasedTitle')}
        </p>
        <p data-testid="put-back-why">
          {cancelled
            ? t('putBack.cancelled', { order: task.orderNumber })
            : t(`putBack.releasedBy.${task.release?.by ?? 'station'}`, { order: task.orderNumber })}
        </p>
        {task.release?.note && <p>{t('putBack.note', { note: task.release.note })}</p>}
        {task.refusals.map((refusal, index) => (
          <p key={index} data-testid="put-back-refusal">
            {t('queue.problem', { reason: reasonText(t, refusal.reason, refusal.sentence) })}
          </p>
        ))}
      </div>
      <FeedbackBanner />
      <p className="instruction">
        {task.items.length > 0 ? t('putBack.explain') : t('putBack.nothingPicked')}
      </p>
      {task.items.length > 0 && (
        <table className="lines" data-testid="put-back-items">
          <thead>
            <tr>
              <th>{t('pick.item')}</th>
              <th className="num">{t('putBack.quantity')}</th>
              <th>{t('putBack.from')}</th>
              <th>{t('putBack.toBin')}</th>
            </tr>
          </thead>
          <tbody>
            {task.items.map((item) => (
              <tr key={item.lineId} data-sku={item.sku}>
                <td>
                  {item.name} <span className="muted">{item.sku}</span>
                </td>
                <td className="num" data-testid={`put-back-quantity-${item.sku}`}>
                  {number(item.quantity)}
                </td>
                <td data-testid={`put-back-from-${item.sku}`}>{where(item)}</td>
                <td className="code">{item.bin ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {task.cartons.length > 0 && (
        <ul className="blockers" data-testid="put-back-cartons">
          {task.cartons.map((carton) => (
            <li key={carton.sscc}>
              {t(carton.labelPrinted ? 'putBack.cartonLabelVoided' : 'putBack.cartonVoided', {
                sscc: ssccHumanReadable(carton.sscc),
              })}
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button--danger"
          autoFocus
          onClick={() => void confirm()}
          data-testid="put-back-done"
        >
          {t('putBack.confirm')}
        </button>
        {canTakeBack && (
          <button type="button" className="button" onClick={() => void again()}>
            {t('putBack.takeBack')}
          </button>
        )}
        <button type="button" className="button button--quiet" onClick={onBack}>
          {t('work.backToQueue')}
        </button>
      </div>
    </main>
  );
}
