import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { errorText } from '../ui/errors';
import { FormMessage } from '../ui/Field';
import { usePageTitle } from '../ui/page-title';
import { useWarehouseChoice, WarehouseSelect } from '../ui/warehouse-choice';
import { WarehouseCalendarForm } from './WarehouseCalendarForm';
import { fetchWarehouseCalendar } from './warehouses-api';

/** A calendar date shown in the reader's language, without shifting it through a time zone. */
const dayText = (isoDate: string, language: string) =>
  new Date(`${isoDate}T12:00:00Z`).toLocaleDateString(language, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

export function WarehousesPage() {
  const { t, i18n } = useTranslation('warehouses');
  usePageTitle(t('title'));
  const asked = useSearch({ strict: false }) as { warehouse?: string };
  const navigate = useNavigate();
  const { me, warehouses, choices, warehouse } = useWarehouseChoice(asked.warehouse, [
    'admin',
    'customer_service',
    'purchasing',
  ]);
  const isAdmin = me.user.roles.includes('admin');
  const calendar = useQuery({
    queryKey: ['warehouse-calendar', warehouse, i18n.language],
    queryFn: () => fetchWarehouseCalendar(warehouse!, i18n.language.slice(0, 2)),
    enabled: warehouse !== undefined,
  });
  if (!warehouse)
    return (
      <>
        <h1>{t('title')}</h1>
        <p>{warehouses.isPending ? t('app:loading') : t('noWarehouse')}</p>
      </>
    );
  const c = calendar.data;
  return (
    <>
      <h1>{t('title')}</h1>
      <WarehouseSelect
        id="warehouses-warehouse"
        label={t('warehouse')}
        value={warehouse}
        choices={choices}
        onChange={(code) => void navigate({ to: '/warehouses', search: { warehouse: code } })}
      />
      {calendar.isError ? <FormMessage kind="error" text={errorText(t, calendar.error)} /> : null}
      {c ? (
        <>
          <dl className="facts">
            <dt>{t('timeZone')}</dt>
            <dd>{c.timeZone}</dd>
            <dt>{t('localNow')}</dt>
            <dd>{c.localNow.replace('T', ' ')}</dd>
            <dt>{t('cutoffTime')}</dt>
            <dd>{c.cutoffTime}</dd>
            <dt>{t('shipDateNow')}</dt>
            <dd data-testid="ship-date-now">{dayText(c.shipDateNow, i18n.language)}</dd>
            <dt>{t('holidayRegion')}</dt>
            <dd>
              {c.holidayRegion
                ? `${c.holidayRegion} · ${c.holidayRegions[c.holidayRegion] ?? ''}`
                : t('wholeCountry')}
            </dd>
          </dl>
          <h2>{t('upcomingHolidays')}</h2>
          {c.upcomingHolidays.length === 0 ? <p>{t('noHolidays')}</p> : null}
          <ul>
            {c.upcomingHolidays.map((h) => (
              <li key={h.date}>{`${dayText(h.date, i18n.language)}: ${h.name}`}</li>
            ))}
          </ul>
          {isAdmin ? (
            <>
              <h2>{t('change')}</h2>
              <WarehouseCalendarForm key={`${c.code}/${c.timeZone}/${c.cutoffTime}`} calendar={c} />
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}
