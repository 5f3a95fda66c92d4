import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { carrierName } from '../../shared/carriers/carrier-names';
import { reasonText } from '../i18n/reason-text';
import { useCarrierStatus } from '../state/carrier-status-store';
import { station } from '../station-api/connect';
import {
  canCloseDay,
  closingEnded,
  closingStarted,
  dayCloseCarriers,
  dayCloseOf,
  stationDay,
  type DayCloses,
} from './day-close';

/** On the printers/carriers screen: one end-of-day close button per carrier that has one. */
export function DayClosePanel() {
  const { t } = useTranslation();
  const carriers = dayCloseCarriers(useCarrierStatus());
  const [closes, setCloses] = useState<DayCloses>({});

  async function closeDay(carrier: string) {
    if (!canCloseDay(closes, carrier)) return;
    const date = stationDay(new Date());
    setCloses((c) => closingStarted(c, carrier, date));
    const outcome = await station()
      .closeCarrierDay({ date, carrier })
      .catch((error: unknown) => ({ error }));
    setCloses((c) => closingEnded(c, carrier, date, outcome));
  }

  return (
    <section className="day-close" aria-labelledby="day-close-title" data-testid="day-close">
      <h3 id="day-close-title">{t('dayClose.title')}</h3>
      <p className="muted">{t('dayClose.explain')}</p>
      {carriers.length === 0 && <p className="notice">{t('dayClose.none')}</p>}
      <ul className="printers">
        {carriers.map((carrier) => {
          const close = dayCloseOf(closes, carrier);
          const name = carrierName(carrier);
          return (
            <li key={carrier} className="printer" data-carrier={carrier}>
              <div className="printer__name">{name}</div>
              <span role="status" data-state={close.phase}>
                {close.phase === 'closing' && t('dayClose.closing', { carrier: name })}
                {close.phase === 'closed' &&
                  t('dayClose.closed', {
                    carrier: name,
                    date: close.date,
                    count: close.shipments,
                  })}
                {close.phase === 'failed' &&
                  t('dayClose.failed', {
                    carrier: name,
                    reason: reasonText(t, close.why.reason, close.why.sentence),
                  })}
              </span>
              <div className="printer__actions">
                <button
                  type="button"
                  className="button button--small"
                  disabled={!canCloseDay(closes, carrier)}
                  onClick={() => void closeDay(carrier)}
                >
                  {t('dayClose.close', { carrier: name })}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
