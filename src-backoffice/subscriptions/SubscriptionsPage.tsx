import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { meQuery, mayUse } from '../app/session';
import { DataTable } from '../ui/DataTable';
import type { FilterField, ListSearch, TableColumn } from '../ui/DataTable';
import { usePageTitle } from '../ui/page-title';
import { fetchPlans, fetchSubscriptions, SUBSCRIPTION_STATES } from './subscriptions-api';
import type { SubscriptionRow } from './subscriptions-api';

export function SubscriptionsPage() {
  const { t, i18n } = useTranslation('subscriptions');
  usePageTitle(t('title'));
  const search = useSearch({ strict: false }) as ListSearch;
  const navigate = useNavigate();
  const plans = useQuery({ queryKey: ['subscription-plans'], queryFn: fetchPlans });
  const me = useQuery(meQuery);
  const columns = useMemo<TableColumn<SubscriptionRow>[]>(
    () => [
      {
        id: 'reference',
        header: () => t('reference'),
        cell: (c) => (
          <Link to="/subscriptions/$subscriptionId" params={{ subscriptionId: c.row.original.id }}>
            {c.row.original.reference}
          </Link>
        ),
      },
      { id: 'email', accessorKey: 'email', header: () => t('customer') },
      { id: 'plan', header: () => t('plan'), cell: (c) => c.row.original.plan.name },
      {
        id: 'state',
        header: () => t('state'),
        cell: (c) => t(`states.${c.row.original.state}`),
      },
      {
        id: 'nextRenewalDate',
        header: () => t('nextRenewal'),
        cell: (c) =>
          c.row.original.state === 'cancelled' || c.row.original.state === 'expired'
            ? '—'
            : new Date(c.row.original.nextRenewalDate).toLocaleDateString(i18n.language),
      },
      { id: 'channel', accessorKey: 'channel', header: () => t('channel') },
    ],
    [t, i18n.language],
  );
  const filters: FilterField[] = [
    { name: 'q', label: t('filters.q') },
    {
      name: 'state',
      label: t('state'),
      options: SUBSCRIPTION_STATES.map((s) => ({ value: s, label: t(`states.${s}`) })),
    },
    {
      name: 'plan',
      label: t('plan'),
      options: (plans.data?.plans ?? []).map((p) => ({ value: p.code, label: p.name })),
    },
  ];
  return (
    <>
      <h1>{t('title')}</h1>
      <p>
        {me.data && mayUse(me.data, 'POST /v1/subscriptions') ? (
          <>
            <Link to="/subscriptions/new">{t('newSubscription')}</Link>{' '}
          </>
        ) : null}
        <Link to="/subscriptions/plans">{t('plansLink')}</Link>
      </p>
      <DataTable
        caption={t('caption')}
        queryKey="subscriptions"
        columns={columns}
        sortable={[]}
        filters={filters}
        search={search}
        onSearchChange={(next) => void navigate({ to: '/subscriptions', search: next })}
        fetchPage={fetchSubscriptions}
        rowId={(row) => row.id}
      />
    </>
  );
}
