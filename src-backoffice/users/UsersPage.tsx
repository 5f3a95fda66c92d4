import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../shared/people/roles';
import { DataTable } from '../ui/DataTable';
import type { ListSearch, TableColumn } from '../ui/DataTable';
import { usePageTitle } from '../ui/page-title';
import { fetchUsers, type UserRow } from './users-api';

export function UsersPage() {
  const { t, i18n } = useTranslation('users');
  usePageTitle(t('title'));
  const search = useSearch({ strict: false }) as ListSearch;
  const navigate = useNavigate();
  const columns = useMemo<TableColumn<UserRow>[]>(
    () => [
      {
        id: 'email',
        accessorKey: 'email',
        header: () => t('email'),
        cell: (c) => (
          <Link to="/users/$userId" params={{ userId: c.row.original.id }}>
            {c.row.original.email}
          </Link>
        ),
      },
      { id: 'name', accessorKey: 'name', header: () => t('name') },
      {
        id: 'roles',
        header: () => t('roles'),
        cell: (c) =>
          c.row.original.roles.map((r) => t(`app:roles.${r}`)).join(', ') +
          (c.row.original.leadWarehouses.length
            ? ` (${c.row.original.leadWarehouses.join(', ')})`
            : ''),
      },
      {
        id: 'active',
        header: () => t('status'),
        cell: (c) => (c.row.original.active ? t('active') : t('inactive')),
      },
      {
        id: 'createdAt',
        accessorKey: 'createdAt',
        header: () => t('created'),
        cell: (c) => new Date(c.row.original.createdAt).toLocaleDateString(i18n.language),
      },
    ],
    [t],
  );
  return (
    <>
      <h1>{t('title')}</h1>
      <p>
        <Link to="/users/$userId" params={{ userId: 'new' }} className="button">
          {t('new')}
        </Link>
      </p>
      <DataTable
        caption={t('caption')}
        queryKey="users"
        columns={columns}
        sortable={['email', 'name', 'createdAt']}
        filters={[
          { name: 'q', label: t('search') },
          {
            name: 'role',
            label: t('roles'),
            options: ROLES.map((r) => ({ value: r, label: t(`app:roles.${r}`) })),
          },
          {
            name: 'active',
            label: t('status'),
            options: [
              { value: 'true', label: t('active') },
              { value: 'false', label: t('inactive') },
            ],
          },
        ]}
        search={search}
        onSearchChange={(next) => void navigate({ to: '/users', search: next })}
        fetchPage={fetchUsers}
        rowId={(row) => row.id}
      />
    </>
  );
}
