// One purchase order: its lines with the suggestion's reason, ordered and received, the total,
// and the next step the API allows (approve a draft, send an approved order to the supplier).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { errorText } from '../ui/errors';
import { FormMessage } from '../ui/Field';
import { usePageTitle } from '../ui/page-title';
import { advancePurchaseOrder, fetchPurchaseOrder, money } from './purchasing-api';

export function PurchaseOrderPage() {
  const { t, i18n } = useTranslation('purchasing');
  const { purchaseOrderId } = useParams({ strict: false }) as { purchaseOrderId: string };
  const queryClient = useQueryClient();
  const po = useQuery({
    queryKey: ['purchase-order', purchaseOrderId],
    queryFn: () => fetchPurchaseOrder(purchaseOrderId),
  });
  const number = po.data?.number ?? '';
  usePageTitle(t('orderTitle', { number }));
  const advance = useMutation({
    mutationFn: (step: 'approve' | 'send') => advancePurchaseOrder(purchaseOrderId, step),
    onSuccess: async (next) => {
      queryClient.setQueryData(['purchase-order', purchaseOrderId], next);
      await queryClient.invalidateQueries({ queryKey: ['purchase-orders'] });
    },
  });
  const data = po.data;
  const fmt = (minor: number) => (data ? money(minor, data.currency, i18n.language) : '');
  const total = data?.lines.reduce((s, l) => s + l.quantity * l.unitCostMinor, 0) ?? 0;
  return (
    <>
      <p>
        <Link to="/purchasing">{t('backToPurchasing')}</Link>
      </p>
      <h1>{t('orderTitle', { number })}</h1>
      {po.isError ? <FormMessage kind="error" text={errorText(t, po.error)} /> : null}
      <FormMessage kind="error" text={advance.isError ? errorText(t, advance.error) : null} />
      {data ? (
        <>
          <dl className="order-facts">
            <dt>{t('status')}</dt>
            <dd>{t(`statuses.${data.status}`)}</dd>
            <dt>{t('supplier')}</dt>
            <dd>{data.supplierCode}</dd>
            <dt>{t('warehouse')}</dt>
            <dd>{data.warehouseCode}</dd>
            <dt>{t('expectedDate')}</dt>
            <dd>{data.expectedDate ?? '—'}</dd>
            <dt>{t('total')}</dt>
            <dd>{fmt(total)}</dd>
          </dl>
          <p className="form-buttons">
            {data.status === 'draft' ? (
              <button
                type="button"
                disabled={advance.isPending}
                onClick={() => advance.mutate('approve')}
              >
                {t('approve')}
              </button>
            ) : null}
            {data.status === 'approved' ? (
              <button
                type="button"
                disabled={advance.isPending}
                onClick={() => advance.mutate('send')}
              >
                {t('send')}
              </button>
            ) : null}
          </p>
          <div className="table-scroll">
            <table>
              <caption>{t('linesCaption', { number: data.number })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('sku')}</th>
                  <th scope="col">{t('quantity')}</th>
                  <th scope="col">{t('received')}</th>
                  <th scope="col">{t('unitCost')}</th>
                  <th scope="col">{t('lineTotal')}</th>
                  <th scope="col">{t('why')}</th>
                </tr>
              </thead>
              <tbody>
                {data.lines.map((line) => (
                  <tr key={line.sku}>
                    <th scope="row">
                      <Link
                        to="/purchasing/forecasts/$warehouseCode/$sku"
                        params={{ warehouseCode: data.warehouseCode, sku: line.sku }}
                      >
                        {line.sku}
                      </Link>
                    </th>
                    <td>{line.quantity}</td>
                    <td>{line.receivedQuantity}</td>
                    <td>{fmt(line.unitCostMinor)}</td>
                    <td>{fmt(line.quantity * line.unitCostMinor)}</td>
                    <td>{line.reason ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}
