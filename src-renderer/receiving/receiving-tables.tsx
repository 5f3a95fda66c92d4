import { useTranslation } from 'react-i18next';
import type { ReceivingQueue } from '../../shared/station-api';
import type { ReceivingLine } from './receiving-rules';

/** The PO's lines: what was ordered, what is in (sent or waiting to be sent), what is still to come. */
export function ReceivingLines({
  lines,
  nameOf,
}: {
  lines: readonly ReceivingLine[];
  nameOf: (sku: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <table className="lines" data-testid="receiving-lines">
      <thead>
        <tr>
          <th>{t('receiving.sku')}</th>
          <th>{t('receiving.name')}</th>
          <th className="num">{t('receiving.ordered')}</th>
          <th className="num">{t('receiving.receivedSoFar')}</th>
          <th className="num">{t('receiving.remaining')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr
            key={line.sku}
            data-testid={`receiving-line-${line.sku}`}
            data-received={line.received}
            data-remaining={line.remaining}
            data-state={
              line.unexpected
                ? 'unexpected'
                : line.received > line.ordered
                  ? 'over'
                  : line.remaining === 0
                    ? 'done'
                    : 'open'
            }
          >
            <td className="code">{line.sku}</td>
            <td>
              {nameOf(line.sku)}
              {line.unexpected && ` (${t('receiving.notOnPo')})`}
            </td>
            <td className="num">{line.ordered}</td>
            <td className="num">{line.received}</td>
            <td className="num">{line.remaining}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Scans saved at this station and not sent yet, and those the central OMS refused when they were. */
export function ReceivingQueuePanel({
  queue,
  nameOf,
}: {
  queue: ReceivingQueue;
  nameOf: (sku: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <section data-testid="receiving-queue" data-queued={queue.queued.length}>
      <p className={queue.queued.length > 0 ? 'message message--warning' : 'message'}>
        {queue.queued.length > 0
          ? t('receiving.waiting', { count: queue.queued.length })
          : t('receiving.allSent')}
      </p>
      {queue.refused.length > 0 && (
        <>
          <h3 className="returns-heading">{t('receiving.refusedTitle')}</h3>
          <ul className="message message--error" data-testid="receiving-refused">
            {queue.refused.map((scan) => (
              <li key={scan.scanId}>
                {t('receiving.refusedScan', {
                  po: scan.poNumber,
                  quantity: scan.quantity,
                  name: nameOf(scan.sku),
                  bin: scan.binCode,
                  reason: t(`receiving.error.${scan.error.code}`, {
                    po: scan.poNumber,
                    bin: scan.binCode,
                    defaultValue: scan.error.message,
                  }),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
