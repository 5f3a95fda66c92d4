import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../ui/DataTable';
import type { ListSearch, TableColumn } from '../ui/DataTable';
import { formatDay } from '../ui/format';
import { usePageTitle } from '../ui/page-title';
import { fetchInvoices, money } from './invoices-api';
import type { InvoiceRow } from './invoices-api';

export function InvoicesPage() {
  const { t, i18n } = useTranslation('invoices');
  usePageTitle(t('title'));
  const search = useSearch({ strict: false }) as ListSearch;
  const navigate = useNavigate();
  const columns = useMemo<TableColumn<InvoiceRow>[]>(
    () => [
      {
        id: 'number',
        header: () => t('number'),
        cell: (c) => (
          <Link to="/invoices/$invoiceId" params={{ invoiceId: c.row.original.id }}>
            {c.row.original.number}
          </Link>
        ),
      },
      { id: 'company', accessorKey: 'company', header: () => t('company') },
      {
        id: 'status',
        header: () => t('status'),
        cell: (c) => t(`statuses.${c.row.original.status}`),
      },
      {
        id: 'total',
        header: () => t('total'),
        cell: (c) => money(c.row.original.totalMinor, c.row.original.currency, i18n.language),
      },
      {
        id: 'open',
        header: () => t('open'),
        cell: (c) => money(c.row.original.openMinor, c.row.original.currency, i18n.language),
      },
      {
        id: 'dueOn',
        header: () => t('dueOn'),
        cell: (c) => formatDay(c.row.original.dueOn, i18n.language),
      },
    ],
    [t, i18n.language],
  );
  return (
    <>
      <h1>{t('title')}</h1>
      <p>
        <Link to="/invoices/bank">{t('bankImport')}</Link>
      </p>
      <DataTable
        caption={t('caption')}
        queryKey="invoices"
        columns={columns}
        sortable={[]}
        filters={[]}
        search={search}
        onSearchChange={(next) => void navigate({ to: '/invoices', search: next })}
        fetchPage={fetchInvoices}
        rowId={(row) => row.id}
      />
    </>
  );
}
