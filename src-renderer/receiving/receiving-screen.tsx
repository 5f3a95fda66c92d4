// Receiving at the dock: scan (or type) the purchase order, then each item, then the bin it goes
// into. Repeated scans of the same item count up; a quantity can be typed. Works offline: a PO
// opened once is kept by main, and scans made while the central OMS is unreachable wait in main's
// outgoing queue ("saved, will be sent") and are sent, each exactly once, when it is back.
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  StationApiError,
  type OpenedReceivingOrder,
  type ReceivingScanOutcome,
} from '../../shared/station-api';
import type { BinDoc } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';
import { useCatalogue } from '../picking/catalogue';
import type { FeedbackMessage } from '../picking/pick-feedback';
import { useScanHandler } from '../scanning/use-scan-handler';
import { FeedbackBanner } from '../sound/feedback-banner';
import { useFeedback } from '../sound/feedback-store';
import { station } from '../station-api/connect';
import { useReceivingDesk } from './receiving-desk';
import { ReceivingLines, ReceivingQueuePanel } from './receiving-tables';
import {
  isComplete,
  overBy,
  poNumberFrom,
  readReceivingScan,
  receivingLines,
  type ScannedItem,
} from './receiving-rules';
import { useReceivingQueue } from './use-receiving-queue';
import '../returns/returns.css';

/** Errors the central OMS or main give a name the packer can act on; others are said as they come. */
const KNOWN_ERRORS = new Set([
  'offline_not_cached',
  'unknown_purchase_order',
  'other_warehouse',
  'not_receivable',
  'unknown_item',
  'unknown_bin',
  'not_enrolled',
]);
const RECEIVABLE = new Set(['approved', 'sent', 'receiving']);

function errorMessage(err: unknown, values: Record<string, string>): FeedbackMessage {
  if (err instanceof StationApiError && KNOWN_ERRORS.has(err.code))
    return { tone: 'error', key: `receiving.error.${err.code}`, values };
  return {
    tone: 'error',
    key: 'receiving.error.other',
    values: { ...values, message: err instanceof Error ? err.message : String(err) },
  };
}

function useBins(db: StationDatabase): Map<string, string> {
  const [bins, setBins] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    const sub = db.bins.find({ sort: [{ walkSequence: 'asc' }] }).$.subscribe((docs) => {
      const codes = docs.map((d) => (d.toJSON() as BinDoc).code);
      setBins(new Map(codes.map((code) => [code.toUpperCase(), code])));
    });
    return () => sub.unsubscribe();
  }, [db]);
  return bins;
}

interface Pending extends ScannedItem {
  quantity: number;
}

export function ReceivingScreen({ db }: { db: StationDatabase }) {
  const { t } = useTranslation();
  const give = useFeedback((s) => s.give);
  const say = useCallback((m: FeedbackMessage) => give(m.tone, m.key, m.values), [give]);
  const { poNumber, setPoNumber, closeDesk } = useReceivingDesk();
  const catalogue = useCatalogue(db);
  const bins = useBins(db);
  const queue = useReceivingQueue();
  const [opened, setOpened] = useState<OpenedReceivingOrder | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [bin, setBin] = useState('');
  const [typed, setTyped] = useState('');
  const nameOf = (sku: string) => catalogue?.products.get(sku)?.name ?? sku;

  const refresh = useCallback(async (number: string) => {
    const next = await station().receivingOpen({ poNumber: number });
    setOpened(next);
    return next;
  }, []);

  async function openPo(number: string) {
    try {
      const next = await refresh(number);
      setPoNumber(next.purchaseOrder.number);
      setPending(null);
      setTyped('');
      const values = { po: next.purchaseOrder.number, supplier: next.purchaseOrder.supplierCode };
      if (!RECEIVABLE.has(next.purchaseOrder.status))
        say({
          tone: 'warning',
          key: 'receiving.notReceivable',
          values: { ...values, status: next.purchaseOrder.status },
        });
      else
        say({
          tone: next.cached ? 'warning' : 'success',
          key: next.cached ? 'receiving.openedOffline' : 'receiving.opened',
          values,
        });
    } catch (err) {
      say(errorMessage(err, { po: number }));
    }
  }

  // A reload (or coming back to the screen) shows the PO that was open.
  useEffect(() => {
    if (poNumber && !opened) void refresh(poNumber).catch(() => setPoNumber(null));
  }, [poNumber, opened, refresh, setPoNumber]);
  // Queued scans sent: the PO's counts come from the central OMS (or main's updated copy) again.
  const sentCount = queue.queued.length;
  useEffect(() => {
    if (opened) void refresh(opened.purchaseOrder.number).catch(() => undefined);
    // Only when the queue's length changes, not on every new copy of the PO.
  }, [sentCount]);

  const lines = useMemo(
    () => (opened ? receivingLines(opened.purchaseOrder, queue.queued) : []),
    [opened, queue.queued],
  );

  async function receive(item: Pending, binCode: string) {
    if (!opened) return;
    const values = { quantity: String(item.quantity), name: nameOf(item.sku), bin: binCode };
    const over = overBy(lines, item.sku, item.quantity);
    const onPo = opened.purchaseOrder.lines.some((l) => l.sku === item.sku);
    let outcome: ReceivingScanOutcome;
    try {
      outcome = await station().receivingScan({
        scanId: crypto.randomUUID(),
        poNumber: opened.purchaseOrder.number,
        sku: item.sku,
        quantity: item.quantity,
        binCode,
        ...(item.lot ? { lot: item.lot } : {}),
        ...(item.expiry ? { expiry: item.expiry } : {}),
      });
    } catch (err) {
      return say(errorMessage(err, { ...values, po: opened.purchaseOrder.number }));
    }
    setPending(null);
    setBin(binCode);
    if (outcome.outcome === 'queued') {
      say({
        tone: over > 0 ? 'warning' : 'success',
        key: over > 0 ? 'receiving.savedOver' : 'receiving.saved',
        values: { ...values, over: String(over) },
      });
      return;
    }
    void refresh(opened.purchaseOrder.number).catch(() => undefined);
    if (!onPo) say({ tone: 'warning', key: 'receiving.receivedUnexpected', values });
    else if (outcome.match === 'over' || over > 0)
      say({
        tone: 'warning',
        key: 'receiving.receivedOver',
        values: { ...values, over: String(over) },
      });
    else say({ tone: 'success', key: 'receiving.received', values });
  }

  function takeItem(item: ScannedItem) {
    if (pending && (pending.sku !== item.sku || pending.lot !== item.lot)) {
      return say({
        tone: 'warning',
        key: 'receiving.binFirst',
        values: { name: nameOf(pending.sku) },
      });
    }
    const quantity = (pending?.quantity ?? 0) + 1;
    setPending({ ...item, quantity });
    if (!pending) setBin(catalogue?.products.get(item.sku)?.bins[0] ?? bin);
    const key = opened?.purchaseOrder.lines.some((l) => l.sku === item.sku)
      ? 'receiving.itemScanned'
      : 'receiving.itemNotOnPo';
    say({
      tone: key === 'receiving.itemScanned' ? 'success' : 'warning',
      key,
      values: { name: nameOf(item.sku), quantity: String(quantity) },
    });
  }

  useScanHandler('receiving', 'screen', (scan) => {
    const result = scan.result;
    if (result.kind === 'command') {
      if (result.command === 'SIGN-OUT') return false;
      if (result.command === 'CANCEL' && pending) {
        setPending(null);
        say({ tone: 'warning', key: 'receiving.dropped' });
      } else if (result.command === 'DONE' && pending && bin) void receive(pending, bin);
      else if (result.command === 'DONE' || result.command === 'CANCEL') {
        if (opened) {
          setOpened(null);
          setPoNumber(null);
        } else closeDesk();
      } else say({ tone: 'warning', key: opened ? 'receiving.scanItem' : 'receiving.scanPo' });
      return true;
    }
    const meaning = readReceivingScan(result, scan.raw, {
      skuByGtin: catalogue?.skuByGtin ?? new Map(),
      bins,
    });
    if (meaning.kind === 'refused') say(meaning.message);
    else if (meaning.kind === 'po') void openPo(meaning.poNumber);
    else if (!opened) say({ tone: 'warning', key: 'receiving.scanPoFirst' });
    else if (meaning.kind === 'item') takeItem(meaning.item);
    else if (pending) void receive(pending, meaning.code);
    else {
      setBin(meaning.code);
      say({ tone: 'success', key: 'receiving.binChosen', values: { bin: meaning.code } });
    }
    return true;
  });

  function onFind(event: FormEvent) {
    event.preventDefault();
    const number = poNumberFrom(typed);
    if (number) void openPo(number);
  }

  function onReceive(event: FormEvent) {
    event.preventDefault();
    if (pending && bin) void receive(pending, bin);
  }

  if (!opened)
    return (
      <main className="screen work-screen returns-screen" data-testid="receiving-find">
        <h2 className="screen__title">{t('receiving.title')}</h2>
        <FeedbackBanner />
        <p className="instruction">{t('receiving.scanPo')}</p>
        <form className="queue-bar" onSubmit={onFind}>
          <label className="field queue-bar__filter">
            <span className="field__label">{t('receiving.typePo')}</span>
            <input
              className="field__input"
              type="search"
              autoComplete="off"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              data-testid="receiving-po-input"
            />
          </label>
          <button type="submit" className="button">
            {t('receiving.find')}
          </button>
        </form>
        <ReceivingQueuePanel queue={queue} nameOf={nameOf} />
      </main>
    );

  const po = opened.purchaseOrder;
  return (
    <main
      className="screen work-screen returns-screen"
      data-testid="receiving-order"
      data-po={po.number}
      data-cached={opened.cached}
    >
      <h2 className="screen__title">
        {t('receiving.titlePo', { po: po.number, supplier: po.supplierCode })}
      </h2>
      <FeedbackBanner />
      {opened.cached && (
        <p className="message message--warning" data-testid="receiving-cached">
          {t('receiving.cachedCopy', { at: new Date(opened.fetchedAt).toLocaleString() })}
        </p>
      )}
      <p className="instruction">
        {pending
          ? t('receiving.scanBinFor', { name: nameOf(pending.sku), quantity: pending.quantity })
          : isComplete(lines)
            ? t('receiving.complete')
            : t('receiving.scanItem')}
      </p>
      <ReceivingLines lines={lines} nameOf={nameOf} />
      {pending && (
        <form
          className="queue-bar"
          onSubmit={onReceive}
          data-testid="receiving-pending"
          data-sku={pending.sku}
        >
          <label className="field">
            <span className="field__label">{t('receiving.quantity')}</span>
            <input
              className="field__input"
              type="number"
              min={1}
              max={100000}
              value={pending.quantity}
              onChange={(e) => {
                const quantity = Math.trunc(Number(e.target.value));
                if (quantity >= 1 && quantity <= 100_000) setPending({ ...pending, quantity });
              }}
              data-testid="receiving-quantity"
            />
          </label>
          <label className="field">
            <span className="field__label">{t('receiving.bin')}</span>
            <select
              className="field__input"
              value={bin}
              onChange={(e) => setBin(e.target.value)}
              data-testid="receiving-bin"
            >
              <option value="">{t('receiving.chooseBin')}</option>
              {[...bins.values()].map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button" disabled={!bin} data-testid="receiving-confirm">
            {t('receiving.receiveInto')}
          </button>
        </form>
      )}
      <ReceivingQueuePanel queue={queue} nameOf={nameOf} />
    </main>
  );
}
