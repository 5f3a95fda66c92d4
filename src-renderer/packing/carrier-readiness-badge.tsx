import { useTranslation } from 'react-i18next';
import { carrierName } from '../../shared/carriers/carrier-names';
import { reasonText } from '../i18n/reason-text';
import { useCarrierReadiness } from '../state/carrier-status-store';
import { READINESS_MESSAGE, readinessTone } from './carrier-readiness';

const BADGE_CLASS = {
  ok: 'badge badge--ok',
  warn: 'badge badge--warn',
  error: 'badge badge--error',
};

/** On the packing screen before packing starts: whether this order's carrier can label now. */
export function CarrierReadinessBadge({ carrier }: { carrier: string }) {
  const { t, i18n } = useTranslation();
  const readiness = useCarrierReadiness(carrier);
  const values = {
    carrier: carrierName(carrier),
    time:
      readiness.state === 'unreachable'
        ? new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(
            new Date(readiness.since),
          )
        : '',
  };
  const detail =
    readiness.state === 'unreachable' && readiness.failure
      ? reasonText(t, readiness.failure, null)
      : readiness.state === 'not-configured' && readiness.reason
        ? reasonText(t, readiness.reason, null)
        : undefined;
  return (
    <span
      className={BADGE_CLASS[readinessTone(readiness)]}
      data-testid="carrier-readiness"
      data-state={readiness.state}
      role="status"
      title={detail}
    >
      {t(READINESS_MESSAGE[readiness.state], values)}
    </span>
  );
}
