import { createRoute, useNavigate, useRouteContext, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api, queryString } from '../app/api';
import type { Area } from '../app/area';
import { requireArea } from '../app/routes-base';
import { DataTable } from '../ui/DataTable';
import type { ListSearch, TableColumn } from '../ui/DataTable';
import { usePageTitle } from '../ui/page-title';

const REQUIRES = 'GET /v1/audit';
const auditSearch = z.object({
  cursor: z.string().optional().catch(undefined),
  objectType: z.string().optional().catch(undefined),
  objectId: z.string().optional().catch(undefined),
  actorId: z.string().optional().catch(undefined),
});

interface AuditEntry {
  id: string;
  at: string;
  actor: { type: string; id: string; label: string | null };
  objectType: string;
  objectId: string;
  action: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

async function fetchAudit(search: ListSearch) {
  const page = await api<{ entries: AuditEntry[]; nextCursor: string | null }>(
    'GET',
    `/v1/audit${queryString({ ...search, limit: 25 })}`,
  );
  return { rows: page.entries, nextCursor: page.nextCursor };
}

function Change({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('audit');
  return (
    <details>
      <summary>{t('showChange')}</summary>
      <div className="change">
        <div>
          <h2 className="small-heading">{t('before')}</h2>
          <pre>{entry.before === null ? '—' : JSON.stringify(entry.before, null, 2)}</pre>
        </div>
        <div>
          <h2 className="small-heading">{t('after')}</h2>
          <pre>{entry.after === null ? '—' : JSON.stringify(entry.after, null, 2)}</pre>
        </div>
      </div>
    </details>
  );
}

/**
 * Newest first; filter by object (type + id) and by actor (id or e-mail). Customer service and
 * finance read the log of orders only (the server holds them to it).
 */
function AuditPage() {
  const { t, i18n } = useTranslation('audit');
  usePageTitle(t('title'));
  const { me } = useRouteContext({ from: '/signed-in' });
  const ordersOnly = !me.user.roles.includes('admin');
  const asked = useSearch({ strict: false }) as ListSearch;
  const search = ordersOnly ? { ...asked, objectType: 'order' } : asked;
  const navigate = useNavigate();
  const columns = useMemo<TableColumn<AuditEntry>[]>(
    () => [
      {
        id: 'at',
        header: () => t('when'),
        cell: (c) => new Date(c.row.original.at).toLocaleString(i18n.language),
      },
      {
        id: 'actor',
        header: () => t('who'),
        cell: (c) =>
          `${c.row.original.actor.label ?? c.row.original.actor.id} (${t(`actorTypes.${c.row.original.actor.type}`)})`,
      },
      {
        id: 'object',
        header: () => t('what'),
        cell: (c) => `${c.row.original.objectType} ${c.row.original.objectId}`,
      },
      { id: 'action', accessorKey: 'action', header: () => t('action') },
      { id: 'reason', header: () => t('reason'), cell: (c) => c.row.original.reason ?? '' },
      { id: 'change', header: () => t('change'), cell: (c) => <Change entry={c.row.original} /> },
    ],
    [t],
  );
  return (
    <>
      <h1>{t('title')}</h1>
      {ordersOnly ? <p>{t('ordersOnly')}</p> : null}
      <DataTable
        caption={t('caption')}
        queryKey="audit"
        columns={columns}
        sortable={[]}
        filters={[
          ...(ordersOnly ? [] : [{ name: 'objectType', label: t('objectType') }]),
          { name: 'objectId', label: t('objectId') },
          { name: 'actorId', label: t('actor') },
        ]}
        search={search}
        onSearchChange={(next) => void navigate({ to: '/audit', search: next })}
        fetchPage={fetchAudit}
        rowId={(row) => row.id}
      />
    </>
  );
}

export const auditArea: Area = {
  id: 'audit',
  path: '/audit',
  requires: REQUIRES,
  inNavigation: true,
  routes: (shell) => [
    createRoute({
      getParentRoute: () => shell,
      path: '/audit',
      beforeLoad: requireArea(REQUIRES),
      validateSearch: (search) => auditSearch.parse(search),
      component: AuditPage,
    }),
  ],
};
