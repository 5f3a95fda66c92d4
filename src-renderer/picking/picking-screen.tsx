import { startTransition, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FulfillmentDoc, WorkDoc } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';
import { useScanHandler } from '../scanning/use-scan-handler';
import { FeedbackBanner } from '../sound/feedback-banner';
import { useFeedback } from '../sound/feedback-store';
import { saveWork } from '../sync/station-writes';
import type { Catalogue } from './catalogue';
import { pickFeedback, type FeedbackMessage } from './pick-feedback';
import { QuantityPrompt, ShortPrompt } from './pick-prompts';
import {
  addPicked,
  applyPickScan,
  isPickComplete,
  nextLine,
  remainingToPick,
  shortPick,
  shortedQuantity,
  walkOrder,
  type PickProgress,
  type PickStep,
} from './pick-rules';

interface Props {
  db: StationDatabase;
  fulfillment: FulfillmentDoc;
  work: WorkDoc;
  catalogue: Catalogue;
  operatorId: string;
  onBack(): void;
}

/** One order's pick walk: scan the bin, then the item; every scan is saved in the WorkDoc at once. */
export function PickingScreen({ db, fulfillment, work, catalogue, operatorId, onBack }: Props) {
  const { t, i18n } = useTranslation();
  const give = useFeedback((s) => s.give);
  const lines = useMemo(() => walkOrder(fulfillment.lines), [fulfillment.lines]);
  const ctx = useMemo(
    () => ({
      lines,
      skuByGtin: catalogue.skuByGtin,
      operatorId,
      now: () => new Date().toISOString(),
    }),
    [lines, catalogue.skuByGtin, operatorId],
  );
  const [progress, setProgressState] = useState<PickProgress>({ work, bin: null });
  // Scans can arrive faster than React renders: each one must build on the one before. The table
  // follows as a transition, so the feedback banner is painted first.
  const latest = useRef(progress);
  const setProgress = (next: PickProgress) => {
    latest.current = next;
    startTransition(() => setProgressState(next));
  };
  const [prompt, setPrompt] = useState<'quantity' | 'short' | null>(null);
  const current = nextLine(lines, progress.work);
  const nameOf = (sku: string) =>
    catalogue.products.get(sku)?.name ?? lines.find((l) => l.sku === sku)?.name ?? sku;
  const number = (n: number) => n.toLocaleString(i18n.language);

  function say(message: FeedbackMessage) {
    give(message.tone, message.key, message.values);
  }

  function commit(step: PickStep) {
    const progress = latest.current;
    say(pickFeedback(step.outcome, nameOf));
    if (step.progress === progress) return;
    const done = isPickComplete(lines, step.progress.work);
    const next = done
      ? { ...step.progress, work: { ...step.progress.work, stage: 'packing' as const } }
      : step.progress;
    setProgress(next);
    if (next.work !== progress.work) void saveWork(db, next.work);
    if (done) {
      setPrompt(null);
      give('success', 'pick.complete');
      return;
    }
    const outcome = step.outcome;
    const line =
      outcome.kind === 'picked' ? lines.find((l) => l.lineId === outcome.lineId) : undefined;
    setPrompt(line && remainingToPick(line, next.work) > 0 ? 'quantity' : null);
  }

  useScanHandler('picking', 'screen', (scan) => {
    const result = scan.result;
    if (result.kind === 'command') {
      if (result.command === 'SHORT' && current) setPrompt('short');
      else if (result.command === 'CANCEL' && prompt) setPrompt(null);
      else if (result.command === 'CANCEL') onBack();
      else return false;
      return true;
    }
    commit(applyPickScan(ctx, latest.current, result));
    return true;
  });

  return (
    <main className="screen work-screen" data-testid="picking-screen">
      <header className="work-screen__header">
        <h2 className="screen__title">{t('pick.title', { order: fulfillment.orderNumber })}</h2>
        <span className="work-screen__meta">
          {fulfillment.shipTo.name}, {fulfillment.shipTo.city} ({fulfillment.shipTo.country}) ·{' '}
          {fulfillment.carrier} {fulfillment.service}
        </span>
      </header>
      <FeedbackBanner />
      {current && (
        <p className="instruction" data-testid="instruction">
          {current.bin && progress.bin !== current.bin
            ? t('pick.goToBin', { bin: current.bin })
            : t('pick.scanItem', {
                name: current.name,
                remaining: number(remainingToPick(current, progress.work)),
              })}
        </p>
      )}
      {current && prompt === 'quantity' && (
        <QuantityPrompt
          key={`${current.lineId}-${progress.work.picked[current.lineId] ?? 0}`}
          line={current}
          remaining={remainingToPick(current, progress.work)}
          onConfirm={(quantity) => commit(addPicked(latest.current, current, quantity))}
          onClose={() => setPrompt(null)}
        />
      )}
      {current && prompt === 'short' && (
        <ShortPrompt
          line={current}
          quantity={remainingToPick(current, progress.work)}
          onChoose={(reason) => commit(shortPick(ctx, latest.current, current, reason))}
          onClose={() => setPrompt(null)}
        />
      )}
      <table className="lines" data-testid="pick-lines">
        <thead>
          <tr>
            <th>{t('pick.bin')}</th>
            <th>{t('pick.item')}</th>
            <th className="num">{t('pick.ordered')}</th>
            <th className="num">{t('pick.pickedColumn')}</th>
            <th className="num">{t('pick.short')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => {
            const left = remainingToPick(line, progress.work);
            return (
              <tr
                key={line.lineId}
                className={
                  line === current
                    ? 'lines__row--current'
                    : left === 0
                      ? 'lines__row--done'
                      : undefined
                }
                data-sku={line.sku}
              >
                <td className="code">{line.bin ?? '—'}</td>
                <td>
                  {line.name} <span className="muted">{line.sku}</span>
                </td>
                <td className="num">{number(line.quantity)}</td>
                <td className="num" data-testid={`picked-${line.sku}`}>
                  {number(progress.work.picked[line.lineId] ?? 0)}
                </td>
                <td className="num">{number(shortedQuantity(progress.work, line.lineId))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="actions">
        <button
          type="button"
          className="button button--warn"
          disabled={!current}
          onClick={() => setPrompt('short')}
        >
          {t('pick.shortButton')}
        </button>
        <button type="button" className="button button--quiet" onClick={onBack}>
          {t('work.backToQueue')}
        </button>
      </div>
    </main>
  );
}
