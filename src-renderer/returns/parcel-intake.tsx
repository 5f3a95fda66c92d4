import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReturnDisposition, ReturnGrade, RmaDoc } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';
import type { FeedbackMessage } from '../picking/pick-feedback';
import { useScanHandler } from '../scanning/use-scan-handler';
import { FeedbackBanner } from '../sound/feedback-banner';
import { useFeedback } from '../sound/feedback-store';
import { station } from '../station-api/connect';
import { GradePrompt } from './grade-prompt';
import { printIntakeLabel } from './intake-label-printing';
import {
  intakeStep,
  itemFrom,
  needsBin,
  nextItemId,
  pendingFor,
  readIntakeScan,
  reopenReceipt,
  submitReceipt,
  undoLastItem,
  withItem,
  type IntakeContext,
} from './intake-rules';
import { parcelAdds } from './parcel-counts';
import { ReceiptItems, RmaLines, RmaSummary } from './parcel-tables';
import { ReceiptVerdict } from './receipt-verdict';
import { RestockBinPrompt } from './restock-bin-prompt';
import { restockBin } from './restock-bins';
import { useReturnsDesk, type ParcelInProgress } from './returns-desk';
import { useReceipt } from './use-receipt';

interface Props {
  db: StationDatabase;
  parcel: ParcelInProgress;
  rma: RmaDoc | null;
  /** The RMA as received before this parcel: central counts plus this station's uncounted parcels. */
  before: RmaDoc | null;
  stationId: string;
  operatorId: string;
  ctx: IntakeContext;
  nameOf(sku: string): string;
}

/** One parcel: scan each unit, grade it, choose its disposition (a bin for a restock), finish. */
export function ParcelIntake({
  db,
  parcel,
  rma,
  before,
  stationId,
  operatorId,
  ctx,
  nameOf,
}: Props) {
  const { t } = useTranslation();
  const give = useFeedback((s) => s.give);
  const say = (m: FeedbackMessage) => give(m.tone, m.key, m.values);
  const { pending, setPending, nextParcel } = useReturnsDesk();
  const handle = useReceipt(db, parcel.receiptId);
  const [note, setNote] = useState('');
  const receipt = handle.receipt;
  const open = !receipt || receipt.status === 'open';
  const step = intakeStep(pending);
  const start = {
    id: parcel.receiptId,
    rmaId: parcel.rmaId,
    stationId,
    operatorId,
    receivedAt: parcel.receivedAt,
  };

  async function commit(binCode: string | null) {
    const unit = useReturnsDesk.getState().pending;
    if (!unit) return;
    const before = handle.current();
    const item = itemFrom(unit, nextItemId(before?.items ?? []), binCode);
    await handle.update(withItem(before, start, item, unit.replaces));
    setPending(null);
    const values = { name: nameOf(item.sku), grade: item.grade, bin: binCode ?? '' };
    if (item.disposition === 'restock')
      return say({ tone: 'success', key: 'returns.restocked', values });
    if (item.disposition !== 'quarantine')
      return say({ tone: 'success', key: `returns.set.${item.disposition}`, values });
    const printed = await printIntakeLabel(db, station(), {
      receiptId: parcel.receiptId,
      receivedAt: parcel.receivedAt,
      rmaCode: rma?.code ?? null,
      item,
      productName: nameOf(item.sku),
    }).catch(() => 'no-printer' as const);
    say({
      tone: printed === 'queued' ? 'success' : 'warning',
      key: printed === 'queued' ? 'returns.quarantined' : 'returns.quarantinedNoPrinter',
      values,
    });
  }

  function chooseGrade(grade: ReturnGrade) {
    if (!pending) return;
    setPending({ ...pending, grade });
  }

  function chooseDisposition(disposition: ReturnDisposition) {
    if (!pending) return;
    setPending({ ...pending, disposition });
    if (needsBin(disposition))
      say({ tone: 'success', key: 'returns.scanBinFor', values: { name: nameOf(pending.sku) } });
    else void commit(null);
  }

  function restockInto(code: string) {
    const unit = useReturnsDesk.getState().pending;
    if (!unit) return;
    const bin = restockBin(unit, code, ctx.bins);
    if (bin.kind === 'restock') return void commit(code);
    setPending({ ...unit, binToConfirm: code });
    say({
      tone: 'warning',
      key: 'returns.binHoldsOther',
      values: { bin: code, others: bin.others.map(nameOf).join(', ') },
    });
  }

  function stepBack() {
    if (!pending) return;
    if (pending.binToConfirm) setPending({ ...pending, binToConfirm: null });
    else if (pending.disposition) setPending({ ...pending, disposition: null });
    else if (pending.grade) setPending({ ...pending, grade: null });
    else setPending(null);
  }

  async function finish() {
    const current = handle.current();
    if (useReturnsDesk.getState().pending)
      return say({ tone: 'warning', key: 'returns.finishItemFirst' });
    if (!current) return say({ tone: 'warning', key: 'returns.nothingScanned' });
    if (current.status === 'refused')
      return say({ tone: 'warning', key: 'returns.refusedCorrect' });
    if (current.status !== 'open') return nextParcel();
    await handle.update(submitReceipt(current, note));
    say({ tone: 'success', key: 'returns.submitted', values: { count: current.items.length } });
  }

  async function undo() {
    const current = handle.current();
    if (useReturnsDesk.getState().pending) return stepBack();
    if (!current || current.status !== 'open')
      return say({ tone: 'warning', key: 'returns.nothingToUndo' });
    const undone = undoLastItem(current);
    if (undone.receipt !== current) await handle.update(undone.receipt);
    setPending(undone.pending);
    say({ tone: 'warning', key: undone.pending ? 'returns.regrade' : 'returns.undone' });
  }

  useScanHandler('returns-intake', 'screen', (scan) => {
    const result = scan.result;
    if (result.kind === 'command') {
      if (result.command === 'DONE') void finish();
      else if (result.command === 'UNDO') void undo();
      else if (result.command === 'CANCEL' && pending) stepBack();
      else if (result.command === 'CANCEL' && !handle.current()) nextParcel();
      else if (result.command === 'SIGN-OUT') return false;
      else say({ tone: 'warning', key: 'scan.notExpected' });
      return true;
    }
    if (!open) {
      say({
        tone: 'warning',
        key: receipt?.status === 'refused' ? 'returns.refusedCorrect' : 'returns.parcelFinished',
      });
      return true;
    }
    const read = readIntakeScan(step, result, ctx);
    if (read.kind === 'refused') say(read.message);
    else if (read.kind === 'pass') say({ tone: 'warning', key: 'returns.finishFirst' });
    else if (read.kind === 'bin') restockInto(read.code);
    else {
      const unit = pendingFor(before, handle.current()?.items ?? [], read.sku);
      setPending(unit);
      const values = { name: nameOf(read.sku) };
      say(
        unit.match === 'expected'
          ? { tone: 'success', key: 'returns.itemScanned', values }
          : { tone: 'warning', key: `returns.itemFlagged.${unit.match}`, values },
      );
    }
    return true;
  });

  if (!handle.loaded) return <main className="screen">{t('station.loading')}</main>;
  const items = receipt?.items ?? [];
  const instruction = open && step === 'item' ? t('returns.scanItems') : null;

  return (
    <main
      className="screen work-screen returns-screen"
      data-testid="returns-intake"
      data-step={open ? step : 'finished'}
    >
      <header className="work-screen__header">
        <h2 className="screen__title">
          {rma ? t('returns.titleRma', { code: rma.code }) : t('returns.titleUnexpected')}
        </h2>
      </header>
      <FeedbackBanner />
      {instruction && (
        <p className="instruction" data-testid="instruction">
          {instruction}
        </p>
      )}
      {open && pending && step !== 'bin' && (
        <GradePrompt
          pending={pending}
          productName={nameOf(pending.sku)}
          onGrade={chooseGrade}
          onDisposition={chooseDisposition}
          onNote={(n) => setPending({ ...pending, note: n })}
          onBack={stepBack}
        />
      )}
      {open && pending && step === 'bin' && (
        <RestockBinPrompt
          pending={pending}
          productName={nameOf(pending.sku)}
          bins={ctx.bins}
          nameOf={nameOf}
          onConfirm={(bin) => void commit(bin)}
        />
      )}
      {!open && handle.stored && (
        <ReceiptVerdict
          receipt={handle.stored}
          onNext={nextParcel}
          onCorrect={() => {
            const current = handle.current();
            if (current?.status === 'refused') void handle.update(reopenReceipt(current));
          }}
        />
      )}
      <div className="returns-layout">
        <section>
          <RmaSummary rma={rma} />
          {rma && before && (
            <RmaLines rma={before} items={parcelAdds(rma, parcel.receiptId, items)} />
          )}
        </section>
        <section>
          <h3 className="returns-heading">{t('returns.inParcel', { count: items.length })}</h3>
          <ReceiptItems items={items} nameOf={nameOf} />
          {open && (
            <div className="returns-finish">
              <label className="field">
                <span className="field__label">
                  {rma ? t('returns.receiptNote') : t('returns.unexpectedNote')}
                </span>
                <input
                  className="field__input"
                  type="text"
                  maxLength={500}
                  autoComplete="off"
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  data-testid="receipt-note"
                />
              </label>
              <button
                type="button"
                className="button"
                onClick={() => void finish()}
                data-testid="finish-parcel"
              >
                {t('returns.finish')}
              </button>
            </div>
          )}
        </section>
      </div>
    </main>
  );
}
