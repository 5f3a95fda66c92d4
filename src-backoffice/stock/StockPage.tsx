import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../app/api';
import { DataTable } from '../ui/DataTable';
import type { ListSearch, TableColumn } from '../ui/DataTable';
import { mayUse } from '../app/session';
import { usePageTitle } from '../ui/page-title';
import { ALL_BUT_LEADS, useWarehouseChoice } from '../ui/warehouse-choice';
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
  const asked = useSearch({ strict: false }) as ListSearch;
  const navigate = useNavigate();
  // A lead starts at their own warehouse; everyone else at the first one.
  const { me, warehouses, choices, warehouse } = useWarehouseChoice(asked.warehouse, ALL_BUT_LEADS);
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
