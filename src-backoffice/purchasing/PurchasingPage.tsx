import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../ui/DataTable';
import type { ListSearch, TableColumn } from '../ui/DataTable';
import { usePageTitle } from '../ui/page-title';
import { warehousesQuery } from '../ui/warehouse-choice';
import { fetchPurchaseOrders, money } from './purchasing-api';
import type { PurchaseOrderRow } from './purchasing-api';
import { SuggestionsTable } from './SuggestionsTable';

const STATUSES = ['draft', 'approved', 'sent', 'receiving', 'received', 'cancelled'] as const;

export function PurchasingPage() {
  const { t, i18n } = useTranslation('purchasing');
  usePageTitle(t('title'));
  const search = useSearch({ strict: false }) as ListSearch;
  const navigate = useNavigate();
  const warehouses = useQuery(warehousesQuery);
  const columns = useMemo<TableColumn<PurchaseOrderRow>[]>(
    () => [
      {
        id: 'number',
        header: () => t('number'),
        cell: (c) => (
          <Link
            to="/purchasing/orders/$purchaseOrderId"
            params={{ purchaseOrderId: c.row.original.id }}
          >
            {c.row.original.number}
          </Link>
        ),
      },
      { id: 'supplier', accessorKey: 'supplierName', header: () => t('supplier') },
      { id: 'warehouse', accessorKey: 'warehouseCode', header: () => t('warehouse') },
      {
        id: 'status',
        header: () => t('status'),
        cell: (c) => t(`statuses.${c.row.original.status}`),
      },
      { id: 'units', accessorKey: 'units', header: () => t('units') },
      {
        id: 'total',
        header: () => t('total'),
        cell: (c) => money(c.row.original.totalMinor, c.row.original.currency, i18n.language),
      },
      { id: 'expected', accessorKey: 'expectedDate', header: () => t('expectedDate') },
    ],
    [t, i18n.language],
  );
  return (
    <>
      <h1>{t('title')}</h1>
      <div className="field">
        <label htmlFor="purchasing-warehouse">{t('warehouse')}</label>
        <select
          id="purchasing-warehouse"
          value={search.warehouse ?? ''}
          onChange={(e) =>
            void navigate({
              to: '/purchasing',
              search: { ...search, warehouse: e.target.value || undefined },
            })
          }
        >
          <option value="">{t('allWarehouses')}</option>
          {(warehouses.data?.warehouses ?? []).map((w) => (
            <option key={w.code} value={w.code}>
              {w.code} · {w.name}
            </option>
          ))}
        </select>
      </div>
      <SuggestionsTable warehouse={search.warehouse} />
      <h2>{t('purchaseOrders')}</h2>
      <DataTable
        caption={t('ordersCaption')}
        queryKey="purchase-orders"
        columns={columns}
        sortable={[]}
        filters={[
          {
            name: 'status',
            label: t('status'),
            options: STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) })),
          },
        ]}
        search={search}
        onSearchChange={(next) =>
          void navigate({ to: '/purchasing', search: { ...next, warehouse: search.warehouse } })
        }
        fetchPage={fetchPurchaseOrders}
        rowId={(row) => row.id}
      />
    </>
  );
}
