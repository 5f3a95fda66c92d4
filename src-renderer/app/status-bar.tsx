import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n';
import { station } from '../station-api/connect';
import { useConnectivity } from '../state/connectivity-store';
import { useStation } from '../state/station-store';
import { CarrierIndicator } from './carrier-indicator';
import { SyncIndicator } from './sync-indicator';

export function StatusBar() {
  const { t, i18n } = useTranslation();
  const { connectivity, stationError } = useConnectivity();
  const enrolment = useStation((s) => s.enrolment);
  const ready = useStation((s) => s.phase === 'ready');
  const state = stationError
    ? 'down'
    : connectivity === null
      ? 'checking'
      : connectivity.online
        ? 'online'
        : 'offline';
  const label = {
    down: t('connectivity.stationDown'),
    checking: t('connectivity.checking'),
    online: t('connectivity.online'),
    offline: t('connectivity.offline'),
  }[state];
  const lastContact = connectivity?.lastContactAt
    ? t('connectivity.lastContact', {
        time: new Intl.DateTimeFormat(i18n.language, { timeStyle: 'medium' }).format(
          new Date(connectivity.lastContactAt),
        ),
      })
    : t('connectivity.never');

  return (
    <header className="status-bar">
      <div className="status-bar__title">
        <h1>{t('app.title')}</h1>
        {enrolment?.enrolled && (
          <span className="status-bar__station">
            {t('station.name', { name: enrolment.stationName, warehouse: enrolment.warehouseCode })}
          </span>
        )}
      </div>
      <div
        className={`connectivity connectivity--${state}`}
        data-testid="connectivity"
        data-state={state}
        role="status"
      >
        <span className="connectivity__dot" aria-hidden="true" />
        <span className="connectivity__label">
          {t('connectivity.central')}: {label}
        </span>
        <span className="connectivity__detail" title={connectivity?.reason ?? undefined}>
          {lastContact}
        </span>
        {state !== 'online' && (
          <button
            type="button"
            className="button button--small"
            onClick={() => void station().checkConnectivity({})}
          >
            {t('connectivity.retry')}
          </button>
        )}
      </div>
      {ready && <SyncIndicator />}
      {enrolment?.enrolled && <CarrierIndicator />}
      <label className="language-picker">
        <span className="visually-hidden">{t('language.label')}</span>
        <select
          value={i18n.resolvedLanguage}
          onChange={(e) => void i18n.changeLanguage(e.target.value)}
        >
          {LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {t(`language.${language}`)}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
