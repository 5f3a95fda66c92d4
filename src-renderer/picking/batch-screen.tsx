import { startTransition, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanResult } from '../../shared/barcodes';
import type { FulfillmentDoc, WorkDoc } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';
import { useScanHandler } from '../scanning/use-scan-handler';
import { FeedbackBanner } from '../sound/feedback-banner';
import { useFeedback } from '../sound/feedback-store';
import { saveWork } from '../sync/station-writes';
import { useBatch, useBatchFulfillments, useBatchGivenBack } from './batch-data';
import { batchFeedback, toteFeedback } from './batch-feedback';
import {
  addBatchPicked,
  applyBatchScan,
  batchLines,
  batchRemaining,
  currentBatchLine,
  isBatchWork,
  isOrderPicked,
  nextToteOrder,
  shortBatchLine,
  type BatchLine,
  type BatchOrder,
  type BatchProgress,
  type BatchStep,
} from './batch-rules';
import { BatchDone, BatchWalk, ToteHandOut, type PutInTote } from './batch-views';
import { useCatalogue, type Catalogue } from './catalogue';
import type { FeedbackMessage } from './pick-feedback';
import { QuantityPrompt, ShortPrompt } from './pick-prompts';
import { assignTote, busyTotes, undoLastTote, type ToteHolder } from './tote-rules';

interface Props {
  db: StationDatabase;
  batchId: string;
  stationId: string;
  operatorId: string;
  onBack(): void;
  /** Opens one order of the batch (its tote was scanned) for packing. */
  onPack(fulfillmentId: string): void;
}

/** A batch pick: a tote for each order, then one walk for all of them, then packing per tote. */
export function BatchScreen({ db, batchId, stationId, operatorId, onBack, onPack }: Props) {
  const { t } = useTranslation();
  const batch = useBatch(db, batchId, stationId);
  const ids = useMemo(() => batch?.works.map((w) => w.fulfillmentId) ?? [], [batch]);
  const fulfillments = useBatchFulfillments(db, ids);
  const givenBack = useBatchGivenBack(db, ids, stationId);
  const catalogue = useCatalogue(db);
  if (givenBack)
    return (
      <main className="screen">
        <p className="message message--error" role="alert" data-testid="batch-given-back">
          {t('batch.givenBack')}
        </p>
        <button type="button" className="button" onClick={onBack} autoFocus>
          {t('work.backToQueue')}
        </button>
      </main>
    );
  if (batch && batch.works.length === 0)
    return (
      <main className="screen">
        <p className="message message--error">{t('batch.notFound')}</p>
        <button type="button" className="button" onClick={onBack}>
          {t('work.backToQueue')}
        </button>
      </main>
    );
  if (!batch || !fulfillments || !catalogue)
    return <main className="screen">{t('station.loading')}</main>;
  return (
    <BatchWork
      db={db}
      batchId={batchId}
      works={batch.works}
      holders={batch.holders}
      fulfillments={fulfillments}
      catalogue={catalogue}
      operatorId={operatorId}
      onBack={onBack}
      onPack={onPack}
    />
  );
}

type Prompt = { kind: 'quantity' | 'short'; line: BatchLine } | null;

function ordersOf(
  works: BatchProgress['works'],
  fulfillments: ReadonlyMap<string, FulfillmentDoc>,
): BatchOrder[] {
  return Object.values(works).flatMap((work) => {
    const fulfillment = fulfillments.get(work.fulfillmentId);
    return fulfillment && isBatchWork(work) ? [{ fulfillment, work }] : [];
  });
}

function BatchWork(props: {
  db: StationDatabase;
  batchId: string;
  works: readonly WorkDoc[];
  holders: readonly ToteHolder[];
  fulfillments: ReadonlyMap<string, FulfillmentDoc>;
  catalogue: Catalogue;
  operatorId: string;
  onBack(): void;
  onPack(fulfillmentId: string): void;
}) {
  const { db, fulfillments, catalogue, holders, batchId, operatorId } = props;
  const { t } = useTranslation();
  const give = useFeedback((s) => s.give);
  const [progress, setProgressState] = useState<BatchProgress>(() => ({
    works: Object.fromEntries(props.works.map((w) => [w.fulfillmentId, w])),
    bin: null,
  }));
  // Scans can arrive faster than React renders: each one must build on the one before, so the
  // handlers read `latest`, never the rendered state.
  const latest = useRef(progress);
  const setProgress = (next: BatchProgress) => {
    latest.current = next;
    startTransition(() => setProgressState(next));
  };
  const [prompt, setPrompt] = useState<Prompt>(null);
  const [put, setPut] = useState<PutInTote | null>(null);

  const orders = useMemo(
    () => ordersOf(progress.works, fulfillments),
    [progress.works, fulfillments],
  );
  const lines = useMemo(() => batchLines(orders), [orders]);
  const busy = useMemo(() => busyTotes(holders, batchId), [holders, batchId]);
  const ctx = useMemo(
    () => ({
      lines,
      skuByGtin: catalogue.skuByGtin,
      operatorId,
      now: () => new Date().toISOString(),
    }),
    [lines, catalogue.skuByGtin, operatorId],
  );
  const nameOf = (sku: string) =>
    catalogue.products.get(sku)?.name ?? lines.find((l) => l.sku === sku)?.name ?? sku;
  const toteOrder = nextToteOrder(orders);
  const current = toteOrder ? null : currentBatchLine(lines, progress);

  function say(message: FeedbackMessage) {
    give(message.tone, message.key, message.values);
  }

  function store(work: WorkDoc) {
    setProgress({
      ...latest.current,
      works: { ...latest.current.works, [work.fulfillmentId]: work },
    });
    void saveWork(db, work);
  }

  function commit(step: BatchStep) {
    say(batchFeedback(step.outcome, nameOf));
    const outcome = step.outcome;
    setPut(outcome.kind === 'into-tote' ? { ...outcome, name: nameOf(outcome.sku) } : null);
    const changed = step.changed ? step.progress.works[step.changed] : undefined;
    if (!changed) {
      if (step.progress !== latest.current) setProgress(step.progress);
      return;
    }
    // An order whose lines are all picked or shorted goes on to packing, its tote with it.
    const work = isOrderPicked(lines, changed)
      ? { ...changed, stage: 'packing' as const }
      : changed;
    const next = {
      ...step.progress,
      works: { ...step.progress.works, [work.fulfillmentId]: work },
    };
    setProgress(next);
    void saveWork(db, work);
    if (!currentBatchLine(lines, next)) {
      setPrompt(null);
      // The last item's tote is what the packer needs to hear; the screen says the batch is done.
      if (outcome.kind !== 'into-tote') give('success', 'batch.complete');
      return;
    }
    const line =
      outcome.kind === 'into-tote'
        ? lines.find((l) => l.fulfillmentId === step.changed && l.lineId === outcome.lineId)
        : undefined;
    setPrompt(line && batchRemaining(line, next) > 0 ? { kind: 'quantity', line } : null);
  }

  function scanDuringTotes(result: ScanResult, orderForTote: BatchOrder) {
    if (result.kind !== 'tote') {
      const order = orderForTote.fulfillment.orderNumber;
      return say({ tone: 'warning', key: 'batch.scanToteFirst', values: { order } });
    }
    const { work, outcome } = assignTote(
      ordersOf(latest.current.works, fulfillments),
      result.code,
      busy,
    );
    say(toteFeedback(outcome));
    if (work) store(work);
  }

  function undoTote() {
    const work = undoLastTote(ordersOf(latest.current.works, fulfillments));
    if (!work) return say({ tone: 'warning', key: 'batch.nothingToUndo' });
    const order = fulfillments.get(work.fulfillmentId)?.orderNumber ?? '';
    say({ tone: 'warning', key: 'batch.toteUndone', values: { order } });
    store(work);
  }

  function scanWhenPicked(result: ScanResult, now: readonly BatchOrder[]) {
    if (result.kind !== 'tote') return say({ tone: 'warning', key: 'batch.scanToteToPack' });
    const order = now.find((o) => o.work.batch.tote === result.code);
    if (order) props.onPack(order.fulfillment.id);
    else say({ tone: 'error', key: 'batch.toteNotInBatch', values: { tote: result.code } });
  }

  useScanHandler('batch', 'screen', (scan) => {
    const result = scan.result;
    const now = ordersOf(latest.current.works, fulfillments);
    const forTote = nextToteOrder(now);
    const line = forTote ? null : currentBatchLine(lines, latest.current);
    if (result.kind === 'command') {
      const command = result.command;
      if (command === 'CANCEL' && prompt) setPrompt(null);
      else if (command === 'CANCEL' || (command === 'DONE' && !forTote && !line)) props.onBack();
      else if (command === 'UNDO' && forTote) undoTote();
      else if (command === 'SHORT' && line) setPrompt({ kind: 'short', line });
      else return false;
      return true;
    }
    if (forTote) scanDuringTotes(result, forTote);
    else if (line) commit(applyBatchScan(ctx, latest.current, result));
    else scanWhenPicked(result, now);
    return true;
  });

  const phase = toteOrder ? 'totes' : current ? 'walk' : 'done';
  const promptLine = prompt?.line;
  const remainingOnPrompt = promptLine ? batchRemaining(promptLine, progress) : 0;
  return (
    <main className="screen work-screen" data-testid="batch-screen" data-phase={phase}>
      <header className="work-screen__header">
        <h2 className="screen__title">{t('batch.title', { count: orders.length })}</h2>
        <span className="work-screen__meta">
          {orders.map((o) => o.fulfillment.orderNumber).join(' · ')}
        </span>
      </header>
      <FeedbackBanner />
      {toteOrder && <ToteHandOut orders={orders} next={toteOrder} />}
      {current && (
        // The open prompt sits right under the instruction, above the lines: always in view.
        <BatchWalk orders={orders} lines={lines} progress={progress} current={current} put={put}>
          {promptLine && prompt.kind === 'quantity' && (
            <QuantityPrompt
              key={`${promptLine.fulfillmentId}-${promptLine.lineId}-${remainingOnPrompt}`}
              line={promptLine}
              remaining={remainingOnPrompt}
              onConfirm={(quantity) => commit(addBatchPicked(latest.current, promptLine, quantity))}
              onClose={() => setPrompt(null)}
            />
          )}
          {promptLine && prompt.kind === 'short' && (
            <ShortPrompt
              line={promptLine}
              quantity={remainingOnPrompt}
              onChoose={(reason) => commit(shortBatchLine(ctx, latest.current, promptLine, reason))}
              onClose={() => setPrompt(null)}
            />
          )}
        </BatchWalk>
      )}
      {phase === 'done' && (
        <BatchDone orders={orders} lines={lines} progress={progress} put={put} />
      )}
      <div className="actions">
        {current && (
          <button
            type="button"
            className="button button--warn"
            onClick={() => setPrompt({ kind: 'short', line: current })}
          >
            {t('pick.shortButton')}
          </button>
        )}
        <button type="button" className="button button--quiet" onClick={props.onBack}>
          {phase === 'done' ? t('batch.backToQueue') : t('work.backToQueue')}
        </button>
      </div>
    </main>
  );
}
