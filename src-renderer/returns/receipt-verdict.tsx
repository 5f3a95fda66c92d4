import { useTranslation } from 'react-i18next';
import type { ReturnReceiptDoc } from '../../shared/sync/documents';
import { reasonText } from '../i18n/reason-text';
import { receiptState } from './intake-rules';

/** Minor units as an amount; RMAs carry no currency on the station, so none is shown. */
export function formatRefund(minor: number, language: string): string {
  return new Intl.NumberFormat(language, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(minor / 100);
}

/** A submitted receipt's fate: waiting to be sent, sent, or the central OMS's verdict. */
export function ReceiptVerdict({
  receipt,
  onNext,
  onCorrect,
}: {
  receipt: ReturnReceiptDoc;
  onNext(): void;
  onCorrect(): void;
}) {
  const { t, i18n } = useTranslation();
  const state = receiptState(receipt);
  const message =
    state === 'accepted'
      ? receipt.refundMinor !== null
        ? t('returns.state.acceptedRefund', {
            amount: formatRefund(receipt.refundMinor, i18n.language),
          })
        : t('returns.state.acceptedNoRefund')
      : state === 'refused'
        ? t('returns.state.refused', {
            reason: reasonText(t, receipt.refusal, receipt.refusalReason),
          })
        : t(`returns.state.${state}`);
  return (
    <div
      className={state === 'refused' ? 'problem' : 'done'}
      data-testid="receipt-state"
      data-state={state}
    >
      <p className="done__title">{message}</p>
      <div className="actions">
        {state === 'refused' && (
          <button type="button" className="button button--warn" onClick={onCorrect}>
            {t('returns.correct')}
          </button>
        )}
        <button type="button" className="button" onClick={onNext}>
          {t('returns.nextParcel')}
        </button>
      </div>
    </div>
  );
}
