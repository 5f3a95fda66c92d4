import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { reasonText } from '../i18n/reason-text';
import { scannedGtin } from '../../shared/barcodes';
import type { ReturnReceiptDoc, RmaDoc } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';
import type { FeedbackMessage } from '../picking/pick-feedback';
import { useScanHandler } from '../scanning/use-scan-handler';
import { FeedbackBanner } from '../sound/feedback-banner';
import { useFeedback } from '../sound/feedback-store';
import { draftForRma, loadDeskDrafts } from './grading-drafts';
import { receiptState } from './intake-rules';
import { formatRefund } from './receipt-verdict';
import { useReturnsDesk } from './returns-desk';
import {
  chooseReturn,
  queryFromScan,
  queryFromText,
  type ReturnLookup,
  type ReturnQuery,
} from './rma-lookup';

const RECENT = 10;

/** Indexed look-ups first (RMA code, order number); tracking numbers and SSCCs need a pass over the RMAs. */
async function lookUp(
  db: StationDatabase,
  query: ReturnQuery,
  warehouseCode: string,
): Promise<ReturnLookup> {
  if (query.by !== 'sscc') {
    const value = query.by === 'rma' ? query.code : query.text;
    const exact = await db.rmas
      .find({
        selector: { $or: [{ code: value }, { code: value.toUpperCase() }, { orderNumber: value }] },
      })
      .exec();
    const found = chooseReturn(
      exact.map((d) => d.toJSON() as RmaDoc),
      query,
      warehouseCode,
    );
    if (found.ok || exact.length > 0) return found;
  }
  const all = await db.rmas.find().exec();
  return chooseReturn(
    all.map((d) => d.toJSON() as RmaDoc),
    query,
    warehouseCode,
  );
}

function useRecentReceipts(db: StationDatabase, stationId: string) {
  const [receipts, setReceipts] = useState<ReturnReceiptDoc[]>([]);
  const [codes, setCodes] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    const sub = db.returns
      .find({ selector: { stationId }, sort: [{ receivedAt: 'desc' }], limit: RECENT })
      .$.subscribe((docs) => {
        const list = docs.map((d) => d.toJSON() as ReturnReceiptDoc);
        setReceipts(list);
        const ids = list.flatMap((r) => (r.rmaId ? [r.rmaId] : []));
        void db.rmas
          .findByIds(ids)
          .exec()
          .then((found) => setCodes(new Map([...found.values()].map((r) => [r.id, r.code]))));
      });
    return () => sub.unsubscribe();
  }, [db, stationId]);
  return { receipts, codes };
}

export function FindReturn({
  db,
  warehouseCode,
  stationId,
}: {
  db: StationDatabase;
  warehouseCode: string;
  stationId: string;
}) {
  const { t, i18n } = useTranslation();
  const give = useFeedback((s) => s.give);
  const say = (m: FeedbackMessage) => give(m.tone, m.key, m.values);
  const { startParcel, resumeParcel, closeDesk } = useReturnsDesk();
  const [typed, setTyped] = useState('');
  const recent = useRecentReceipts(db, stationId);
  async function resume(receipt: ReturnReceiptDoc) {
    const kept = await loadDeskDrafts(db);
    resumeParcel(
      { receiptId: receipt.id, rmaId: receipt.rmaId, receivedAt: receipt.receivedAt },
      kept.drafts.get(receipt.id)?.pending ?? null,
    );
  }

  async function find(query: ReturnQuery) {
    const found = await lookUp(db, query, warehouseCode);
    if (!found.ok) return say(found.message);
    setTyped('');
    // A parcel of this RMA left unfinished here (a unit half-graded, a receipt open or refused) is
    // resumed, never doubled; a finished parcel is not: the next one is a new parcel.
    const kept = await loadDeskDrafts(db);
    const receipts = (
      await db.returns
        .find({ selector: { rmaId: found.rma.id, stationId }, sort: [{ receivedAt: 'desc' }] })
        .exec()
    ).map((d) => d.toJSON() as ReturnReceiptDoc);
    const unfinished = (receiptId: string) => {
      const receipt = receipts.find((r) => r.id === receiptId);
      return !receipt || receipt.status === 'open' || receipt.status === 'refused';
    };
    const draft = draftForRma(kept, found.rma.id);
    const earlier = receipts.find((r) => unfinished(r.id));
    const values = { code: found.rma.code };
    if (draft && unfinished(draft.parcel.receiptId)) {
      say({ tone: 'warning', key: 'returns.resumed', values });
      return resumeParcel(draft.parcel, draft.pending);
    }
    if (earlier) {
      say({ tone: 'warning', key: 'returns.resumed', values });
      return resume(earlier);
    }
    const taken = receipts.length > 0 ? 'returns.foundNextParcel' : 'returns.found';
    say({
      tone: 'success',
      key: taken,
      values: { code: found.rma.code, customer: found.rma.customerName },
    });
    startParcel(found.rma.id);
  }

  useScanHandler('returns-find', 'screen', (scan) => {
    const result = scan.result;
    if (result.kind === 'command') {
      if (result.command === 'CANCEL') closeDesk();
      else if (result.command === 'SIGN-OUT') return false;
      else say({ tone: 'warning', key: 'returns.scanReturn' });
      return true;
    }
    const query = queryFromScan(result, scan.raw);
    if (query) void find(query);
    else if (result.kind === 'bin')
      say({ tone: 'error', key: 'returns.binWhereReturnExpected', values: { bin: result.code } });
    else
      say({
        tone: 'warning',
        key: scannedGtin(result) ? 'returns.findReturnFirst' : 'returns.scanReturn',
      });
    return true;
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const query = queryFromText(typed);
    if (query) void find(query);
  }

  return (
    <main className="screen work-screen returns-screen" data-testid="find-return">
      <h2 className="screen__title">{t('returns.title')}</h2>
      <FeedbackBanner />
      <p className="instruction">{t('returns.scanReturn')}</p>
      <form className="queue-bar" onSubmit={onSubmit}>
        <label className="field queue-bar__filter">
          <span className="field__label">{t('returns.typeCode')}</span>
          <input
            className="field__input"
            type="search"
            autoComplete="off"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            data-testid="return-query"
          />
        </label>
        <button type="submit" className="button">
          {t('returns.find')}
        </button>
        <button
          type="button"
          className="button button--warn"
          onClick={() => startParcel(null)}
          data-testid="unexpected-return"
        >
          {t('returns.noRma')}
        </button>
      </form>
      <h3 className="returns-heading">{t('returns.recent')}</h3>
      <table className="lines" data-testid="recent-receipts">
        <thead>
          <tr>
            <th>{t('returns.receivedAt')}</th>
            <th>{t('returns.rma')}</th>
            <th className="num">{t('returns.units')}</th>
            <th>{t('returns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {recent.receipts.map((receipt) => {
            const state = receiptState(receipt);
            return (
              <tr
                key={receipt.id}
                tabIndex={0}
                className="queue__row"
                data-id={receipt.id}
                data-state={state}
                onKeyDown={(e) => e.key === 'Enter' && void resume(receipt)}
                onDoubleClick={() => void resume(receipt)}
              >
                <td>{new Date(receipt.receivedAt).toLocaleString(i18n.language)}</td>
                <td className="code">
                  {receipt.rmaId
                    ? (recent.codes.get(receipt.rmaId) ?? '…')
                    : t('returns.noRmaShort')}
                </td>
                <td className="num">{receipt.items.length}</td>
                <td>
                  {state === 'accepted' && receipt.refundMinor !== null
                    ? t('returns.state.acceptedRefund', {
                        amount: formatRefund(receipt.refundMinor, i18n.language),
                      })
                    : state === 'refused'
                      ? t('returns.state.refused', {
                          reason: reasonText(t, receipt.refusal, receipt.refusalReason),
                        })
                      : t(`returns.state.${state === 'accepted' ? 'acceptedNoRefund' : state}`)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </main>
  );
}
