import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../ui/DataTable';
import type { ListSearch, TableColumn } from '../ui/DataTable';
import { usePageTitle } from '../ui/page-title';
import { fetchChannels, type ChannelRow } from './channels-api';

export function ChannelsPage() {
  const { t } = useTranslation('channels');
  usePageTitle(t('title'));
  const search = useSearch({ strict: false }) as ListSearch;
  const navigate = useNavigate();
  const columns = useMemo<TableColumn<ChannelRow>[]>(
    () => [
      {
        id: 'code',
        header: () => t('code'),
        cell: (c) => (
          <Link to="/channels/$channelCode" params={{ channelCode: c.row.original.code }}>
            {c.row.original.code}
          </Link>
        ),
      },
      { id: 'name', accessorKey: 'name', header: () => t('name') },
      { id: 'kind', header: () => t('kind'), cell: (c) => t(`kinds.${c.row.original.kind}`) },
      { id: 'platform', accessorKey: 'platform', header: () => t('platform') },
      { id: 'activeKeys', accessorKey: 'activeKeys', header: () => t('activeKeys') },
    ],
    [t],
  );
  return (
    <>
      <h1>{t('title')}</h1>
      <DataTable
        caption={t('caption')}
        queryKey="channels"
        columns={columns}
        sortable={[]}
        filters={[]}
        search={search}
        onSearchChange={(next) => void navigate({ to: '/channels', search: next })}
        fetchPage={fetchChannels}
        rowId={(row) => row.code}
      />
    </>
  );
}
