import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PrinterFault, PrinterStatus } from '../../shared/station-api/printing';

/** A printer's faults in the packer's language ("Out of labels, Print head open"). */
export function faultWords(t: TFunction, faults: readonly PrinterFault[]): string {
  return faults.map((fault) => t(`printing.fault.${fault}`)).join(', ');
}

/** Ready in green, or what is wrong in words a packer can act on ("Out of labels"). */
export function PrinterStatusBadge({ status }: { status: PrinterStatus | undefined }) {
  const { t } = useTranslation();
  if (!status) return <span className="printer-status">{t('printing.checking')}</span>;
  if (status.ready)
    return <span className="printer-status printer-status--ready">{t('printing.ready')}</span>;
  const words = status.faults.length > 0 ? faultWords(t, status.faults) : t('printing.notReady');
  return (
    <span
      className="printer-status printer-status--fault"
      role="status"
      title={status.detail ?? undefined}
    >
      {words}
    </span>
  );
}
