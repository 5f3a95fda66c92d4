import { useTranslation } from 'react-i18next';
import type { ReturnItem, RmaDoc } from '../../shared/sync/documents';
import { lineProgress } from './intake-rules';

/** Who sends it back and why: what the packer checks against the parcel's content. */
export function RmaSummary({ rma }: { rma: RmaDoc | null }) {
  const { t } = useTranslation();
  if (!rma) {
    return (
      <p className="notice returns-unexpected" data-testid="unexpected-return">
        {t('returns.unexpectedExplain')}
      </p>
    );
  }
  return (
    <dl
      className="returns-summary"
      data-testid="return-rma"
      data-code={rma.code}
      data-status={rma.status}
    >
      <dt>{t('returns.customer')}</dt>
      <dd>{rma.customerName}</dd>
      <dt>{t('returns.order')}</dt>
      <dd className="code">{rma.orderNumber}</dd>
      <dt>{t('returns.reason')}</dt>
      <dd>
        {t(`returns.reasons.${rma.reason}`)}
        {rma.reasonText ? `: ${rma.reasonText}` : ''}
      </dd>
    </dl>
  );
}

/** The RMA's lines: units authorised against units received (earlier parcels plus this one). */
export function RmaLines({ rma, items }: { rma: RmaDoc; items: readonly ReturnItem[] }) {
  const { t } = useTranslation();
  return (
    <table className="lines" data-testid="rma-lines">
      <thead>
        <tr>
          <th>{t('pick.item')}</th>
          <th className="num">{t('returns.receivedOf')}</th>
        </tr>
      </thead>
      <tbody>
        {lineProgress(rma, items).map((line) => (
          <tr
            key={line.rmaLineId}
            className={line.received >= line.authorised ? 'lines__row--done' : undefined}
          >
            <td>
              {line.name} <span className="muted code">{line.sku}</span>
            </td>
            <td className="num" data-testid={`rma-line-${line.sku}`}>
              {line.received} / {line.authorised}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What this parcel held so far, graded, newest last. */
export function ReceiptItems({
  items,
  nameOf,
}: {
  items: readonly ReturnItem[];
  nameOf(sku: string): string;
}) {
  const { t } = useTranslation();
  return (
    <ol className="returns-items" data-testid="receipt-items">
      {items.map((item) => (
        <li
          key={item.id}
          className="returns-item"
          data-sku={item.sku}
          data-disposition={item.disposition}
        >
          <span className="returns-item__grade">{item.grade}</span>
          <span>
            {nameOf(item.sku)}
            {item.match !== 'expected' && (
              <span className="badge badge--warn">{t(`returns.match.${item.match}`)}</span>
            )}
            <br />
            <span className="muted">
              {t(`returns.disposition.${item.disposition}`)}
              {item.binCode ? ` → ${item.binCode}` : ''}
              {item.note ? ` · ${item.note}` : ''}
            </span>
          </span>
        </li>
      ))}
    </ol>
  );
}
