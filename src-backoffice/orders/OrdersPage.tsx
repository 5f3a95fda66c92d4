import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ORDER_STATUSES } from '../../shared/orders/order-state';
import { DataTable } from '../ui/DataTable';
import type { FilterField, ListSearch, TableColumn } from '../ui/DataTable';
import { usePageTitle } from '../ui/page-title';
import { fetchOrders, money, type OrderRow } from './orders-api';

const TEXT_FILTERS = [
  'customer',
  'sku',
  'channelOrderRef',
  'orderId',
  'poNumber',
  'tracking',
  'sscc',
  'channel',
  'warehouse',
] as const;

export function OrdersPage() {
  const { t, i18n } = useTranslation('orders');
  usePageTitle(t('title'));
  const search = useSearch({ strict: false }) as ListSearch;
  const navigate = useNavigate();
  const columns = useMemo<TableColumn<OrderRow>[]>(
    () => [
      {
        id: 'channelOrderRef',
        header: () => t('reference'),
        cell: (c) => (
          <Link to="/orders/$orderId" params={{ orderId: c.row.original.orderId }}>
            {c.row.original.channelOrderRef}
          </Link>
        ),
      },
      {
        id: 'placedAt',
        header: () => t('placedAt'),
        cell: (c) => new Date(c.row.original.placedAt).toLocaleString(i18n.language),
      },
      {
        id: 'customer',
        header: () => t('customerColumn'),
        cell: (c) =>
          [c.row.original.customerName, c.row.original.email].filter(Boolean).join(' · '),
      },
      { id: 'channel', accessorKey: 'channel', header: () => t('channel') },
      {
        id: 'warehouses',
        header: () => t('warehouses'),
        cell: (c) => c.row.original.warehouses.join(', '),
      },
      {
        id: 'status',
        header: () => t('status'),
        cell: (c) => t(`statuses.${c.row.original.status}`),
      },
      {
        id: 'totalMinor',
        header: () => t('total'),
        cell: (c) => money(c.row.original.totalMinor, c.row.original.currency, i18n.language),
      },
    ],
    [t, i18n.language],
  );
  const filters: FilterField[] = [
    ...TEXT_FILTERS.map((name) => ({ name, label: t(`filters.${name}`) })),
    { name: 'placedFrom', label: t('filters.placedFrom'), type: 'date' as const },
    { name: 'placedTo', label: t('filters.placedTo'), type: 'date' as const },
    {
      name: 'status',
      label: t('status'),
      options: ORDER_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) })),
    },
  ];
  return (
    <>
      <h1>{t('title')}</h1>
      <DataTable
        caption={t('caption')}
        queryKey="orders"
        columns={columns}
        sortable={['placedAt', 'totalMinor', 'channelOrderRef']}
        filters={filters}
        search={search}
        onSearchChange={(next) => void navigate({ to: '/orders', search: next })}
        fetchPage={fetchOrders}
        rowId={(row) => row.orderId}
      />
    </>
  );
}
