import { useTranslation } from 'react-i18next';
import { useSync } from '../sync/sync-store';

/** Always on screen once enrolled: what is waiting, when the last exchange was, what needs a person. */
export function SyncIndicator() {
  const { t, i18n } = useTranslation();
  const { pending, conflicts, lastSyncAt, firstSync, lastReceivedAt } = useSync();
  const time = lastSyncAt
    ? new Intl.DateTimeFormat(i18n.language, { timeStyle: 'medium' }).format(new Date(lastSyncAt))
    : null;
  return (
    <div
      className="sync-indicator"
      data-testid="sync-indicator"
      data-first-sync={firstSync?.done ? 'done' : 'running'}
      data-received={firstSync?.received ?? 0}
      data-first-sync-started-at={firstSync?.startedAt ?? ''}
      data-first-sync-finished-at={firstSync?.finishedAt ?? ''}
      data-last-received-at={lastReceivedAt ?? ''}
    >
      <span
        className={pending > 0 ? 'badge badge--warn' : 'badge'}
        data-testid="sync-pending"
        data-count={pending}
      >
        {t('sync.pending', { count: pending })}
      </span>
      {conflicts > 0 && (
        <span className="badge badge--error" data-testid="sync-conflicts" data-count={conflicts}>
          {t('sync.conflicts', { count: conflicts })}
        </span>
      )}
      <span className="sync-indicator__last">
        {time ? t('sync.last', { time }) : t('sync.never')}
      </span>
      {firstSync && !firstSync.done && (
        <span className="sync-indicator__first" data-testid="first-sync-text">
          {t('sync.firstSync', {
            received: firstSync.received.toLocaleString(i18n.language),
            total: firstSync.total.toLocaleString(i18n.language),
          })}
        </span>
      )}
      {firstSync && !firstSync.done && (
        <progress
          className="sync-indicator__progress"
          data-testid="first-sync"
          max={Math.max(firstSync.total, 1)}
          value={firstSync.received}
        >
          {firstSync.received}/{firstSync.total}
        </progress>
      )}
    </div>
  );
}
