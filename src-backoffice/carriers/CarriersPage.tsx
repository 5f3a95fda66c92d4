import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { carrierName } from '../../shared/carriers/carrier-names';
import { errorText } from '../ui/errors';
import { FormMessage } from '../ui/Field';
import { usePageTitle } from '../ui/page-title';
import { useWarehouseChoice, WarehouseSelect } from '../ui/warehouse-choice';
import { fetchCarrierStatuses } from './carriers-api';
import { CarrierSettingForm } from './CarrierSettingForm';

export function CarriersPage() {
  const { t, i18n } = useTranslation('carriers');
  usePageTitle(t('title'));
  const asked = useSearch({ strict: false }) as { warehouse?: string };
  const navigate = useNavigate();
  // A lead sees their own warehouses only.
  const { me, warehouses, choices, warehouse } = useWarehouseChoice(asked.warehouse, ['admin']);
  const isAdmin = me.user.roles.includes('admin');
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
      <WarehouseSelect
        id="carriers-warehouse"
        label={t('warehouse')}
        value={warehouse}
        choices={choices}
        onChange={(code) => void navigate({ to: '/carriers', search: { warehouse: code } })}
      />
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
