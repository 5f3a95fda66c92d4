// The plans customers subscribe to: rhythm, cut-off, price rule, minimum and billing.
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { errorText } from '../ui/errors';
import { usePageTitle } from '../ui/page-title';
import { fetchPlans } from './subscriptions-api';
import type { Plan } from './subscriptions-api';

/** "Every 2 weeks", "Every month · on day 15". */
export function rhythmText(t: TFunction, plan: Plan): string {
  const every = t(`every.${plan.interval.unit}`, { count: plan.interval.count });
  return plan.dayOfMonth === null ? every : `${every} · ${t('onDay', { day: plan.dayOfMonth })}`;
}

export function PlansPage() {
  const { t } = useTranslation('subscriptions');
  usePageTitle(t('plansTitle'));
  const plans = useQuery({ queryKey: ['subscription-plans'], queryFn: fetchPlans });
  return (
    <>
      <p>
        <Link to="/subscriptions">{t('backToSubscriptions')}</Link>
      </p>
      <h1>{t('plansTitle')}</h1>
      {plans.isError ? (
        <p role="alert" className="form-message error">
          {errorText(t, plans.error)}
        </p>
      ) : null}
      <div className="table-scroll">
        <table>
          <caption>{t('plansCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('planCode')}</th>
              <th scope="col">{t('plan')}</th>
              <th scope="col">{t('rhythm')}</th>
              <th scope="col">{t('cutoff')}</th>
              <th scope="col">{t('priceRule')}</th>
              <th scope="col">{t('minCycles')}</th>
              <th scope="col">{t('billing')}</th>
              <th scope="col">{t('products')}</th>
            </tr>
          </thead>
          <tbody>
            {(plans.data?.plans ?? []).map((plan) => (
              <tr key={plan.id}>
                <td>{plan.code}</td>
                <td>{plan.name}</td>
                <td>{rhythmText(t, plan)}</td>
                <td>{t('cutoffDays', { count: plan.cutoffDays })}</td>
                <td>{t(`priceRules.${plan.priceRule}`, { discount: plan.discountPercent })}</td>
                <td>{plan.minCycles}</td>
                <td>
                  {plan.billing === 'prepaid'
                    ? t('prepaid', { count: plan.prepaidDeliveries })
                    : t('perDelivery')}
                </td>
                <td>{plan.skus.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
