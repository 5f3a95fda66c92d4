import { useQuery } from '@tanstack/react-query';
import { useNavigate, useRouteContext, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { carrierName } from '../../shared/carriers/carrier-names';
import { api } from '../app/api';
import { errorText } from '../ui/errors';
import { FormMessage } from '../ui/Field';
import { usePageTitle } from '../ui/page-title';
import { fetchCarrierStatuses } from './carriers-api';
import { CarrierSettingForm } from './CarrierSettingForm';

export function CarriersPage() {
  const { t, i18n } = useTranslation('carriers');
  usePageTitle(t('title'));
  const { me } = useRouteContext({ from: '/signed-in' });
  const asked = useSearch({ strict: false }) as { warehouse?: string };
  const navigate = useNavigate();
  const warehouses = useQuery({
    queryKey: ['warehouses'],
    queryFn: () => api<{ warehouses: { code: string; name: string }[] }>('GET', '/v1/warehouses'),
  });
  const roles: string[] = me.user.roles;
  const isAdmin = roles.includes('admin');
  // A lead sees their own warehouses only.
  const choices = (warehouses.data?.warehouses ?? []).filter(
    (w) => isAdmin || me.user.leadWarehouses.includes(w.code),
  );
  const warehouse = asked.warehouse ?? choices[0]?.code;
  const statuses = useQuery({
    queryKey: ['carriers', warehouse],
    queryFn: () => fetchCarrierStatuses(warehouse!),
    enabled: warehouse !== undefined,
  });
  const rows = statuses.data?.carriers ?? [];
  const misconfigured = rows.filter((r) => r.status === 'missing' || r.status === 'no-adapter');
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : '—');
  if (!warehouse)
    return (
      <>
        <h1>{t('title')}</h1>
        <p>{warehouses.isPending ? t('app:loading') : t('noWarehouse')}</p>
      </>
    );
  return (
    <>
      <h1>{t('title')}</h1>
      <div className="field">
        <label htmlFor="carriers-warehouse">{t('warehouse')}</label>
        <select
          id="carriers-warehouse"
          value={warehouse}
          onChange={(e) =>
            void navigate({ to: '/carriers', search: { warehouse: e.target.value } })
          }
        >
          {choices.map((w) => (
            <option key={w.code} value={w.code}>{`${w.code} · ${w.name}`}</option>
          ))}
        </select>
      </div>
      {statuses.isError ? <FormMessage kind="error" text={errorText(t, statuses.error)} /> : null}
      {statuses.isSuccess ? (
        <p role="status" data-testid="carrier-summary">
          {misconfigured.length > 0
            ? t('misconfigured', {
                warehouse,
                carriers: misconfigured.map((r) => carrierName(r.carrier)).join(', '),
              })
            : t('allLabelled', { warehouse })}
        </p>
      ) : null}
      <div className="table-scroll">
        <table>
          <caption>{t('caption', { warehouse })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('carrier')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('changed')}</th>
              {isAdmin ? <th scope="col">{t('settings')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.carrier} data-status={row.status}>
                <th scope="row">{carrierName(row.carrier)}</th>
                <td>{t(`states.${row.status}`)}</td>
                <td>{when(row.updatedAt)}</td>
                {isAdmin ? (
                  <td>
                    <CarrierSettingForm
                      key={`${warehouse}/${row.carrier}`}
                      warehouse={warehouse}
                      row={row}
                    />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
