// Replenishment suggestions for a warehouse (or all): stock, inbound, reorder point, what to
// order and why; one button drafts purchase orders for every suggestion that needs one.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { errorText } from '../ui/errors';
import { FormMessage } from '../ui/Field';
import { draftPurchaseOrders, fetchSuggestions } from './purchasing-api';

export function SuggestionsTable({ warehouse }: { warehouse: string | undefined }) {
  const { t } = useTranslation('purchasing');
  const queryClient = useQueryClient();
  const suggestions = useQuery({
    queryKey: ['suggestions', warehouse ?? ''],
    queryFn: () => fetchSuggestions(warehouse),
  });
  const draft = useMutation({
    mutationFn: () => draftPurchaseOrders(warehouse),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['suggestions'] });
      await queryClient.invalidateQueries({ queryKey: ['purchase-orders'] });
    },
  });
  const rows = suggestions.data?.suggestions ?? [];
  const needed = rows.filter((s) => s.orderQuantity > 0).length;
  return (
    <section aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading">{t('suggestions')}</h2>
      {suggestions.isError ? (
        <FormMessage kind="error" text={errorText(t, suggestions.error)} />
      ) : null}
      <FormMessage kind="error" text={draft.isError ? errorText(t, draft.error) : null} />
      <FormMessage
        kind="success"
        text={
          draft.data
            ? t('drafted', {
                count: draft.data.purchaseOrders.length,
                numbers: draft.data.purchaseOrders.map((p) => p.number).join(', '),
              })
            : null
        }
      />
      <p className="form-buttons">
        <button
          type="button"
          disabled={needed === 0 || draft.isPending}
          onClick={() => draft.mutate()}
        >
          {t('draftOrders', { count: needed })}
        </button>
      </p>
      {rows.length === 0 ? (
        <p>{t('noSuggestions')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>{t('suggestionsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sku')}</th>
                <th scope="col">{t('warehouse')}</th>
                <th scope="col">{t('supplier')}</th>
                <th scope="col">{t('onHand')}</th>
                <th scope="col">{t('inbound')}</th>
                <th scope="col">{t('reorderPoint')}</th>
                <th scope="col">{t('orderQuantity')}</th>
                <th scope="col">{t('why')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={`${s.warehouseCode}/${s.sku}`}>
                  <th scope="row">
                    <Link
                      to="/purchasing/forecasts/$warehouseCode/$sku"
                      params={{ warehouseCode: s.warehouseCode, sku: s.sku }}
                      aria-label={t('forecastOf', { sku: s.sku, warehouse: s.warehouseCode })}
                    >
                      {s.sku}
                    </Link>
                  </th>
                  <td>{s.warehouseCode}</td>
                  <td>{s.supplierCode}</td>
                  <td>{s.onHand}</td>
                  <td>{s.inbound}</td>
                  <td>{s.reorderPoint}</td>
                  <td>{s.orderQuantity}</td>
                  <td>{s.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
