import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useRouteContext, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../app/api';
import { DataTable } from '../ui/DataTable';
import type { ListSearch, TableColumn } from '../ui/DataTable';
import { mayUse } from '../app/session';
import { usePageTitle } from '../ui/page-title';
import { StockAdjustForm } from './StockAdjustForm';

interface StockLevel {
  sku: string;
  name: string;
  onHand: number;
  reserved: number;
  available: number;
  inbound: number;
  bins: { bin: string; onHand: number }[];
}

async function fetchStock(search: ListSearch) {
  const page = await api<{ levels: StockLevel[]; nextCursor: string | null }>(
    'GET',
    `/v1/warehouses/${encodeURIComponent(search.warehouse ?? '')}/stock${queryString({
      sku: search.sku,
      cursor: search.cursor,
      limit: 25,
    })}`,
  );
  return { rows: page.levels, nextCursor: page.nextCursor };
}

export function StockPage() {
  const { t } = useTranslation('stock');
  usePageTitle(t('title'));
  const { me } = useRouteContext({ from: '/signed-in' });
  const asked = useSearch({ strict: false }) as ListSearch;
  const navigate = useNavigate();
  const warehouses = useQuery({
    queryKey: ['warehouses'],
    queryFn: () => api<{ warehouses: { code: string; name: string }[] }>('GET', '/v1/warehouses'),
  });
  // A lead starts at their own warehouse; everyone else at the first one.
  const onlyLead = me.user.roles.every((r: string) => r === 'warehouse_lead');
  const choices = (warehouses.data?.warehouses ?? []).filter(
    (w) => !onlyLead || me.user.leadWarehouses.includes(w.code),
  );
  const warehouse = asked.warehouse ?? choices[0]?.code;
  const columns = useMemo<TableColumn<StockLevel>[]>(
    () => [
      { id: 'sku', accessorKey: 'sku', header: () => t('sku') },
      { id: 'name', accessorKey: 'name', header: () => t('product') },
      { id: 'onHand', accessorKey: 'onHand', header: () => t('onHand') },
      { id: 'reserved', accessorKey: 'reserved', header: () => t('reserved') },
      { id: 'available', accessorKey: 'available', header: () => t('available') },
      { id: 'inbound', accessorKey: 'inbound', header: () => t('inbound') },
      {
        id: 'bins',
        header: () => t('bins'),
        cell: (c) => c.row.original.bins.map((b) => `${b.bin}: ${b.onHand}`).join(', '),
      },
    ],
    [t],
  );
  return (
    <>
      <h1>{t('title')}</h1>
      {warehouse && mayUse(me, 'GET /v1/warehouses/:code/movements') ? (
        <p>
          <Link to="/stock/movements" search={{ warehouse }}>
            {t('movements.link', { warehouse })}
          </Link>
        </p>
      ) : null}
      {warehouse ? (
        <DataTable
          caption={t('caption', { warehouse })}
          queryKey="stock"
          columns={columns}
          sortable={[]}
          filters={[
            {
              name: 'warehouse',
              label: t('warehouse'),
              options: choices.map((w) => ({ value: w.code, label: `${w.code} · ${w.name}` })),
            },
            { name: 'sku', label: t('skuStarts') },
          ]}
          search={{ ...asked, warehouse }}
          onSearchChange={(next) => void navigate({ to: '/stock', search: next })}
          fetchPage={fetchStock}
          rowId={(row) => row.sku}
        />
      ) : (
        <p>{warehouses.isPending ? t('app:loading') : t('noWarehouse')}</p>
      )}
      {warehouse && mayUse(me, 'POST /v1/inventory/adjustments') ? (
        <StockAdjustForm key={warehouse} warehouse={warehouse} />
      ) : null}
    </>
  );
}
