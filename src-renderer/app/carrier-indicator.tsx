import { useTranslation } from 'react-i18next';
import { carrierName } from '../../shared/carriers/carrier-names';
import { reasonText } from '../i18n/reason-text';
import { useCarrierStatus } from '../state/carrier-status-store';

/**
 * On the status bar from start: carriers of this warehouse that cannot be labelled now (no
 * credentials in the back office), and those whose cartons go as the own carrier by setting.
 */
export function CarrierIndicator() {
  const { t } = useTranslation();
  const status = useCarrierStatus();
  if (!status) return null;
  const problems = status.carriers.filter((c) => c.status !== 'ready');
  if (!status.known)
    return (
      <span className="badge badge--warn" data-testid="carrier-status" data-state="unknown">
        {t('carriers.unknown')}
      </span>
    );
  if (problems.length === 0) return null;
  const names = (state: 'not-configured' | 'fallback-to-own') =>
    problems.filter((c) => c.status === state).map((c) => carrierName(c.carrier));
  const missing = names('not-configured');
  const fallback = names('fallback-to-own');
  return (
    <span
      className={missing.length > 0 ? 'badge badge--error' : 'badge badge--warn'}
      data-testid="carrier-status"
      data-state={missing.length > 0 ? 'not-configured' : 'fallback'}
      title={[
        ...(fallback.length > 0
          ? [t('carriers.fallbackList', { carriers: fallback.join(', ') })]
          : []),
        ...problems.map((p) => reasonText(t, p.reason, p.problem)),
      ].join('\n')}
    >
      {missing.length > 0 && t('carriers.notConfigured', { carriers: missing.join(', ') })}
      {missing.length > 0 && fallback.length > 0 && ' · '}
      {fallback.length > 0 && t('carriers.fallback', { count: fallback.length })}
    </span>
  );
}
