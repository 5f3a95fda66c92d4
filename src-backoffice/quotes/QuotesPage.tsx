import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../ui/DataTable';
import type { ListSearch, TableColumn } from '../ui/DataTable';
import { formatDay } from '../ui/format';
import { usePageTitle } from '../ui/page-title';
import { fetchQuotes, money } from './quotes-api';
import type { QuoteRow } from './quotes-api';

export function QuotesPage() {
  const { t, i18n } = useTranslation('quotes');
  usePageTitle(t('title'));
  const search = useSearch({ strict: false }) as ListSearch;
  const navigate = useNavigate();
  const columns = useMemo<TableColumn<QuoteRow>[]>(
    () => [
      {
        id: 'number',
        header: () => t('number'),
        cell: (c) => (
          <Link to="/quotes/$quoteId" params={{ quoteId: c.row.original.id }}>
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
      { id: 'version', accessorKey: 'currentVersion', header: () => t('version') },
      {
        id: 'total',
        header: () => t('total'),
        cell: (c) => money(c.row.original.totalMinor, c.row.original.currency, i18n.language),
      },
      {
        id: 'validUntil',
        accessorKey: 'validUntil',
        header: () => t('validUntil'),
        cell: (c) => formatDay(c.row.original.validUntil, i18n.language),
      },
    ],
    [t, i18n.language],
  );
  return (
    <>
      <h1>{t('title')}</h1>
      <p>
        <Link to="/quotes/new">{t('newQuote')}</Link>
      </p>
      <DataTable
        caption={t('caption')}
        queryKey="quotes"
        columns={columns}
        sortable={[]}
        filters={[]}
        search={search}
        onSearchChange={(next) => void navigate({ to: '/quotes', search: next })}
        fetchPage={fetchQuotes}
        rowId={(row) => row.id}
      />
    </>
  );
}
