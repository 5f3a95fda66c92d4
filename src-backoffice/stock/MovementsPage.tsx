// A warehouse's inventory movements, newest first: every change of on-hand stock with its reason,
// what it refers to and who made it (the ledger the stock levels are the sum of).
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MOVEMENT_REASONS } from '../../shared/inventory/movement-reasons';
import { api, queryString } from '../app/api';
import { DataTable } from '../ui/DataTable';
import type { ListSearch, TableColumn } from '../ui/DataTable';
import { usePageTitle } from '../ui/page-title';
import { ALL_BUT_LEADS, useWarehouseChoice } from '../ui/warehouse-choice';

interface Movement {
  id: string;
  at: string;
  binCode: string;
  sku: string;
  quantity: number;
  reason: string;
  referenceKind: string;
  referenceId: string;
  note: string | null;
  actor: { type: string; id: string; label: string | null };
}

async function fetchMovements(search: ListSearch) {
  const page = await api<{ movements: Movement[]; nextCursor: string | null }>(
    'GET',
    `/v1/warehouses/${encodeURIComponent(search.warehouse ?? '')}/movements${queryString({
      sku: search.sku,
      reason: search.reason,
      cursor: search.cursor,
      limit: 25,
    })}`,
  );
  return { rows: page.movements, nextCursor: page.nextCursor };
}

export function MovementsPage() {
  const { t, i18n } = useTranslation('stock');
  usePageTitle(t('movements.title'));
  const asked = useSearch({ strict: false }) as ListSearch;
  const navigate = useNavigate();
  // A lead starts at their own warehouse; everyone else at the first one.
  const { warehouses, choices, warehouse } = useWarehouseChoice(asked.warehouse, ALL_BUT_LEADS);
  const columns = useMemo<TableColumn<Movement>[]>(
    () => [
      {
        id: 'at',
        header: () => t('movements.at'),
        cell: (c) => new Date(c.row.original.at).toLocaleString(i18n.language),
      },
      { id: 'sku', accessorKey: 'sku', header: () => t('sku') },
      { id: 'bin', accessorKey: 'binCode', header: () => t('movements.bin') },
      {
        id: 'quantity',
        header: () => t('movements.quantity'),
        cell: (c) =>
          c.row.original.quantity > 0 ? `+${c.row.original.quantity}` : c.row.original.quantity,
      },
      {
        id: 'reason',
        header: () => t('movements.reason'),
        cell: (c) => t(`reasons.${c.row.original.reason}`, { defaultValue: c.row.original.reason }),
      },
      {
        id: 'reference',
        header: () => t('movements.reference'),
        cell: (c) =>
          [c.row.original.referenceKind, c.row.original.referenceId, c.row.original.note]
            .filter(Boolean)
            .join(' · '),
      },
      {
        id: 'actor',
        header: () => t('movements.actor'),
        cell: (c) =>
          c.row.original.actor.label ?? `${c.row.original.actor.type}:${c.row.original.actor.id}`,
      },
    ],
    [t, i18n.language],
  );
  return (
    <>
      <h1>{t('movements.title')}</h1>
      {warehouse ? (
        <DataTable
          caption={t('movements.caption', { warehouse })}
          queryKey="movements"
          columns={columns}
          sortable={[]}
          filters={[
            {
              name: 'warehouse',
              label: t('warehouse'),
              options: choices.map((w) => ({ value: w.code, label: `${w.code} · ${w.name}` })),
            },
            { name: 'sku', label: t('movements.skuIs') },
            {
              name: 'reason',
              label: t('movements.reason'),
              options: MOVEMENT_REASONS.map((r) => ({ value: r, label: t(`reasons.${r}`) })),
            },
          ]}
          search={{ ...asked, warehouse }}
          onSearchChange={(next) => void navigate({ to: '/stock/movements', search: next })}
          fetchPage={fetchMovements}
          rowId={(row) => row.id}
        />
      ) : (
        <p>{warehouses.isPending ? t('app:loading') : t('noWarehouse')}</p>
      )}
    </>
  );
}
