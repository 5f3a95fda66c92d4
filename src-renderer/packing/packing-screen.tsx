import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FulfillmentDoc, ShipmentDoc, WorkDoc } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';
import type { Catalogue } from '../picking/catalogue';
import type { FeedbackMessage } from '../picking/pick-feedback';
import { useScanHandler } from '../scanning/use-scan-handler';
import { FeedbackBanner } from '../sound/feedback-banner';
import { useFeedback } from '../sound/feedback-store';
import { saveWork } from '../sync/station-writes';
import { CarrierReadinessBadge } from './carrier-readiness-badge';
import { CartonList } from './carton-list';
import {
  confirmBlockers,
  confirmShipment,
  isShipmentSettled,
  moveItem,
  openCarton,
  removeEmptyCarton,
  undoLastItem,
  unitWeights,
  weighCarton,
  type ConfirmBlocker,
} from './carton-rules';
import { handOffToLabelPrinting, oneLabelRunAtATime, reprintLabels } from './label-hand-off';
import { reprintFeedback } from './reprint-feedback';
import { carrierParcelFor } from './carrier-parcel';
import { assignTrackingNumbers } from './tracking-numbers';
import { station } from '../station-api/connect';
import { nextSscc, SsccUnavailableError } from './next-sscc';
import { packFeedback } from './pack-feedback';
import { activeCarton, applyPackScan, packedQuantity, type PackLine } from './pack-rules';
import { ShipmentDone } from './shipment-done';
import { usePackState } from './use-pack-state';
import { boxTare, checkWeight, expectedCartonWeight } from './weight-rules';

interface Props {
  db: StationDatabase;
  fulfillment: FulfillmentDoc;
  work: WorkDoc;
  catalogue: Catalogue;
  stationId: string;
  operatorId: string;
  onBack(): void;
}

/** Scan-to-verify into one or more cartons, weigh each, confirm, hand off to label printing. */
export function PackingScreen({
  db,
  fulfillment,
  work,
  catalogue,
  stationId,
  operatorId,
  onBack,
}: Props) {
  const { t, i18n } = useTranslation();
  const give = useFeedback((s) => s.give);
  const pack = usePackState(db, fulfillment, stationId, operatorId);
  // After a refused confirm the blockers stay on screen, recomputed as the packer fixes them.
  const [triedConfirm, setTriedConfirm] = useState(false);
  const lines: PackLine[] = useMemo(
    () =>
      fulfillment.lines
        .map((l) => ({
          lineId: l.lineId,
          sku: l.sku,
          name: l.name,
          expected: work.picked[l.lineId] ?? 0,
          unitWeightGrams: l.unitWeightGrams,
        }))
        .filter((l) => l.expected > 0),
    [fulfillment.lines, work.picked],
  );
  const ctx = useMemo(
    () => ({ lines, skuByGtin: catalogue.skuByGtin, products: catalogue.products }),
    [lines, catalogue],
  );
  const weights = useMemo(() => unitWeights(lines), [lines]);
  const nameOf = (sku: string) =>
    catalogue.products.get(sku)?.name ?? lines.find((l) => l.sku === sku)?.name ?? sku;
  const say = (m: FeedbackMessage) => give(m.tone, m.key, m.values);

  async function openBox(boxType: string) {
    if (boxTare(boxType) === null)
      return say({ tone: 'error', key: 'pack.unknownBox', values: { box: boxType } });
    try {
      const sscc = await nextSscc();
      const state = pack.current();
      if (!state) return;
      const next = openCarton(state, { id: crypto.randomUUID(), sscc, boxType });
      pack.update(next);
      say({
        tone: 'success',
        key: 'pack.cartonOpened',
        values: { number: next.shipment.cartons.length, box: boxType },
      });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      say({
        tone: 'error',
        key: 'pack.noSscc',
        values: {
          message:
            err instanceof SsccUnavailableError ? err.why : { reason: null, sentence: message },
        },
      });
    }
  }

  async function confirm() {
    const state = pack.current();
    if (!state) return;
    const found = confirmBlockers(lines, state.shipment);
    setTriedConfirm(true);
    if (found.length > 0)
      return say({ tone: 'error', key: 'pack.cannotConfirm', values: { count: found.length } });
    const { numbered, handOff } = await oneLabelRunAtATime(async () => {
      const numbered = await assignTrackingNumbers(
        state.shipment,
        fulfillment.shipTo.country,
        station(),
        carrierParcelFor(fulfillment),
      );
      const confirmed = confirmShipment(numbered.shipment, new Date().toISOString());
      pack.update({ ...state, shipment: confirmed });
      void saveWork(db, { ...work, stage: 'done' });
      return { numbered, handOff: await handOffToLabelPrinting(confirmed, fulfillment) };
    });
    const [firstPending] = numbered.pending;
    if (!handOff.queued) say({ tone: 'warning', key: 'pack.confirmedNoLabels' });
    else if (firstPending)
      say({
        tone: 'warning',
        key: 'pack.confirmedLabelsPending',
        values: { count: numbered.pending.length, reason: firstPending.reason },
      });
    else if (numbered.fallbacks[0])
      say({
        tone: 'warning',
        key: 'pack.confirmedOwnCarrier',
        values: { reason: numbered.fallbacks[0] },
      });
    else say({ tone: 'success', key: 'pack.confirmed' });
  }

  // Label printing marks the cartons printed in the stored shipment, not in this screen's copy.
  async function reprint(shipment: ShipmentDoc) {
    const stored = (await db.shipments.findOne(shipment.id).exec())?.toJSON() as ShipmentDoc;
    say(reprintFeedback(await reprintLabels(stored ?? shipment, fulfillment)));
  }

  function weigh(cartonId: string, grams: number | null) {
    const state = pack.current();
    if (!state) return;
    if (grams === null) return say({ tone: 'error', key: 'pack.weightUnreadable' });
    const next = weighCarton(state, cartonId, grams);
    pack.update(next);
    const carton = next.shipment.cartons.find((c) => c.id === cartonId);
    const check = carton && checkWeight(expectedCartonWeight(carton, weights), grams);
    say(
      check?.ok
        ? { tone: 'success', key: 'pack.weighed' }
        : { tone: 'error', key: 'pack.weighedOff' },
    );
  }

  useScanHandler('packing', 'screen', (scan) => {
    const state = pack.current();
    const result = scan.result;
    if (!state) return true;
    if (state.shipment.status !== 'open') {
      const unresolved = state.shipment.status === 'refused' && !isShipmentSettled(state.shipment);
      const shipped = state.shipment.status !== 'refused' && state.shipment.status !== 'voided';
      if (result.kind === 'command' && result.command === 'DONE' && !unresolved) onBack();
      else if (result.kind === 'command' && result.command === 'REPRINT' && shipped)
        void reprint(state.shipment);
      else if (result.kind === 'command' && result.command === 'SIGN-OUT') return false;
      else
        say({
          tone: 'warning',
          key: unresolved ? 'pack.resolveRefusalFirst' : 'pack.alreadyConfirmed',
        });
      return true;
    }
    if (result.kind === 'box') void openBox(result.code);
    else if (result.kind === 'bin')
      say({ tone: 'warning', key: 'scan.isBin', values: { bin: result.code } });
    else if (result.kind === 'command') {
      const carton = activeCarton(state);
      if (result.command === 'DONE') void confirm();
      else if (result.command === 'UNDO' && carton) {
        pack.update(undoLastItem(state, carton.id));
        say({ tone: 'warning', key: 'pack.undone' });
      } else if (result.command === 'NEXT-CARTON' || result.command === 'CLOSE-CARTON') {
        say({
          tone: 'warning',
          key: result.command === 'NEXT-CARTON' ? 'pack.scanBoxForNext' : 'pack.typeWeight',
        });
      } else if (result.command === 'CANCEL') onBack();
      else return false;
    } else {
      const step = applyPackScan(ctx, state, result);
      if (step.state !== state) pack.update(step.state);
      say(packFeedback(step.outcome, nameOf));
    }
    return true;
  });

  const state = pack.state;
  if (!state) return <main className="screen">{t('station.loading')}</main>;
  const open = state.shipment.status === 'open';
  const active = activeCarton(state);
  const allPacked = lines.every((l) => packedQuantity(state.shipment, l.lineId) === l.expected);
  const number = (n: number) => n.toLocaleString(i18n.language);
  const blockers: ConfirmBlocker[] =
    triedConfirm && open ? confirmBlockers(lines, state.shipment) : [];
  const lineName = (lineId: string) => lines.find((l) => l.lineId === lineId)?.name ?? lineId;

  return (
    <main className="screen work-screen" data-testid="packing-screen">
      <header className="work-screen__header">
        <h2 className="screen__title">{t('pack.title', { order: fulfillment.orderNumber })}</h2>
        {work.batch?.tote && (
          // Picked in a batch: the tote on the bench is the one to empty into the cartons.
          <span className="badge" data-testid="pack-tote">
            {t('pack.fromTote', { tote: work.batch.tote })}
          </span>
        )}
        <span className="work-screen__meta">
          {fulfillment.shipTo.name}, {fulfillment.shipTo.city} ({fulfillment.shipTo.country}) ·{' '}
          {fulfillment.carrier} {fulfillment.service}
        </span>
        {open && <CarrierReadinessBadge carrier={fulfillment.carrier} />}
      </header>
      <FeedbackBanner />
      {open ? (
        <p className="instruction" data-testid="instruction">
          {!active
            ? t('pack.scanBox')
            : allPacked
              ? t('pack.weighAndConfirm')
              : t('pack.scanItems', { number: state.shipment.cartons.indexOf(active) + 1 })}
        </p>
      ) : (
        <ShipmentDone
          shipment={state.shipment}
          onBack={onBack}
          onVoided={(s) => pack.update({ ...state, shipment: s })}
          onReprint={() => void reprint(state.shipment)}
        />
      )}
      <div className="pack-layout">
        <table className="lines" data-testid="pack-lines">
          <thead>
            <tr>
              <th>{t('pick.item')}</th>
              <th className="num">{t('pack.packedOf')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => {
              const packed = packedQuantity(state.shipment, line.lineId);
              return (
                <tr
                  key={line.lineId}
                  className={packed === line.expected ? 'lines__row--done' : undefined}
                  data-sku={line.sku}
                >
                  <td>
                    {line.name} <span className="muted">{line.sku}</span>
                  </td>
                  <td className="num" data-testid={`packed-${line.sku}`}>
                    {number(packed)} / {number(line.expected)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <CartonList
          cartons={state.shipment.cartons}
          activeCartonId={active?.id ?? null}
          unitWeights={weights}
          nameOf={nameOf}
          editable={open}
          onSelect={(id) => pack.update({ ...state, activeCartonId: id })}
          onMove={(from, itemIndex, to) =>
            pack.update(moveItem(state, { fromCartonId: from, itemIndex, toCartonId: to }).state)
          }
          onWeigh={weigh}
          onRemove={(id) => pack.update(removeEmptyCarton(state, id))}
        />
      </div>
      {blockers.length > 0 && (
        <ul className="blockers" data-testid="blockers">
          {blockers.map((b, i) => (
            <li key={i}>
              {t(`pack.blocker.${b.kind}`, { ...b, name: 'lineId' in b ? lineName(b.lineId) : '' })}
            </li>
          ))}
        </ul>
      )}
      {open && (
        <div className="actions">
          <button type="button" className="button" onClick={() => void confirm()}>
            {t('pack.confirm')}
          </button>
          <button type="button" className="button button--quiet" onClick={onBack}>
            {t('work.backToQueue')}
          </button>
        </div>
      )}
    </main>
  );
}
