// What the batch screen shows in each phase: totes handed out, the walk, and the totes to pack.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  activeOrders,
  batchRemaining,
  toteOf,
  type BatchLine,
  type BatchOrder,
  type BatchProgress,
} from './batch-rules';
import { shortedQuantity } from './pick-rules';
import { cancelledTotes } from './tote-rules';

/** The item just picked and the tote it goes into, shown large until the next scan. */
export interface PutInTote {
  tote: string;
  orderNumber: string;
  name: string;
  quantity: number;
}

export function ToteHandOut({ orders, next }: { orders: BatchOrder[]; next: BatchOrder }) {
  const { t, i18n } = useTranslation();
  const active = activeOrders(orders);
  return (
    <>
      <p className="instruction" data-testid="instruction">
        {t('batch.scanToteFor', {
          order: next.fulfillment.orderNumber,
          number: active.indexOf(next) + 1,
          count: active.length,
        })}
      </p>
      <table className="lines" data-testid="tote-list">
        <thead>
          <tr>
            <th className="num">#</th>
            <th>{t('batch.order')}</th>
            <th className="num">{t('queue.items')}</th>
            <th>{t('batch.tote')}</th>
          </tr>
        </thead>
        <tbody>
          {active.map((o, index) => (
            <tr
              key={o.fulfillment.id}
              className={o === next ? 'lines__row--current' : undefined}
              data-id={o.fulfillment.id}
            >
              <td className="num">{index + 1}</td>
              <td className="code">{o.fulfillment.orderNumber}</td>
              <td className="num">
                {o.fulfillment.lines
                  .reduce((sum, l) => sum + l.quantity, 0)
                  .toLocaleString(i18n.language)}
              </td>
              <td className="code tote-cell" data-testid={`tote-of-${o.fulfillment.id}`}>
                {o.work.batch.tote ?? '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="prompt__hint">{t('batch.toteHint')}</p>
    </>
  );
}

function CancelledTotes({ orders }: { orders: readonly BatchOrder[] }) {
  const { t } = useTranslation();
  const totes = cancelledTotes(orders);
  if (totes.length === 0) return null;
  return (
    <div className="stop" role="alert" data-testid="batch-cancelled">
      <p className="stop__title">{t('work.stopTitle')}</p>
      {totes.map(({ tote, orderNumber }) => (
        <p key={tote}>{t('batch.cancelledTote', { tote, order: orderNumber })}</p>
      ))}
    </div>
  );
}

/** The tote the item just scanned goes into, as large as the screen allows. */
function ToteCallout({ put }: { put: PutInTote }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="tote-callout" data-testid="tote-callout" data-tote={put.tote}>
      <span className="tote-callout__label">{t('batch.putIn')}</span>
      <span className="tote-callout__tote code">{put.tote}</span>
      <span className="tote-callout__what">
        {t('batch.putWhat', {
          quantity: put.quantity.toLocaleString(i18n.language),
          name: put.name,
          order: put.orderNumber,
        })}
      </span>
    </div>
  );
}

export function BatchWalk(props: {
  orders: readonly BatchOrder[];
  lines: readonly BatchLine[];
  progress: BatchProgress;
  current: BatchLine;
  put: PutInTote | null;
  /** The prompt open on the walk (how many more, short pick), shown under the instruction. */
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const { lines, progress, current, put } = props;
  const number = (n: number) => n.toLocaleString(i18n.language);
  const currentTote = toteOf(progress, current.fulfillmentId);
  return (
    <>
      <CancelledTotes orders={props.orders} />
      {put && <ToteCallout put={put} />}
      <p className="instruction" data-testid="instruction">
        {current.bin && progress.bin !== current.bin
          ? t('pick.goToBin', { bin: current.bin })
          : t('batch.scanItem', {
              name: current.name,
              tote: currentTote,
              remaining: number(batchRemaining(current, progress)),
            })}
      </p>
      {props.children}
      <table className="lines" data-testid="batch-lines">
        <thead>
          <tr>
            <th>{t('pick.bin')}</th>
            <th>{t('pick.item')}</th>
            <th>{t('batch.tote')}</th>
            <th>{t('batch.order')}</th>
            <th className="num">{t('pick.ordered')}</th>
            <th className="num">{t('pick.pickedColumn')}</th>
            <th className="num">{t('pick.short')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => {
            const work = progress.works[line.fulfillmentId];
            const done = batchRemaining(line, progress) === 0;
            const isCurrent =
              line.fulfillmentId === current.fulfillmentId && line.lineId === current.lineId;
            return (
              <tr
                key={`${line.fulfillmentId}/${line.lineId}`}
                className={
                  isCurrent ? 'lines__row--current' : done ? 'lines__row--done' : undefined
                }
              >
                <td className="code">{line.bin ?? '—'}</td>
                <td>
                  {line.name} <span className="muted">{line.sku}</span>
                </td>
                <td className="code tote-cell">{toteOf(progress, line.fulfillmentId)}</td>
                <td className="code">{line.orderNumber}</td>
                <td className="num">{number(line.quantity)}</td>
                <td className="num" data-testid={`picked-${line.fulfillmentId}-${line.sku}`}>
                  {number(work?.picked[line.lineId] ?? 0)}
                </td>
                <td className="num" data-testid={`short-${line.fulfillmentId}-${line.sku}`}>
                  {number(work ? shortedQuantity(work, line.lineId) : 0)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

export function BatchDone(props: {
  orders: readonly BatchOrder[];
  lines: readonly BatchLine[];
  progress: BatchProgress;
  /** The last item of the walk, when it was picked rather than shorted. */
  put: PutInTote | null;
}) {
  const { t, i18n } = useTranslation();
  const number = (n: number) => n.toLocaleString(i18n.language);
  const sums = (fulfillmentId: string) => {
    const work = props.progress.works[fulfillmentId];
    const own = props.lines.filter((l) => l.fulfillmentId === fulfillmentId);
    return {
      picked: own.reduce((sum, l) => sum + (work?.picked[l.lineId] ?? 0), 0),
      short: own.reduce((sum, l) => sum + (work ? shortedQuantity(work, l.lineId) : 0), 0),
    };
  };
  return (
    <>
      <CancelledTotes orders={props.orders} />
      {props.put && <ToteCallout put={props.put} />}
      <div className="done" data-testid="batch-done">
        <p className="done__title">{t('batch.scanToteToPack')}</p>
      </div>
      <table className="lines" data-testid="tote-list">
        <thead>
          <tr>
            <th>{t('batch.tote')}</th>
            <th>{t('batch.order')}</th>
            <th className="num">{t('pick.pickedColumn')}</th>
            <th className="num">{t('pick.short')}</th>
          </tr>
        </thead>
        <tbody>
          {activeOrders(props.orders).map((o) => {
            const { picked, short } = sums(o.fulfillment.id);
            return (
              <tr key={o.fulfillment.id} data-id={o.fulfillment.id}>
                <td className="code tote-cell" data-testid={`tote-of-${o.fulfillment.id}`}>
                  {o.work.batch.tote}
                </td>
                <td className="code">{o.fulfillment.orderNumber}</td>
                <td className="num">{number(picked)}</td>
                <td className="num">{number(short)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
