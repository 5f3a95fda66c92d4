import { useTranslation } from 'react-i18next';
import type { PrinterStatus } from '../../shared/station-api/printing';

/** Ready in green, or what is wrong in words a packer can act on ("Out of labels"). */
export function PrinterStatusBadge({ status }: { status: PrinterStatus | undefined }) {
  const { t } = useTranslation();
  if (!status) return <span className="printer-status">{t('printing.checking')}</span>;
  if (status.ready)
    return <span className="printer-status printer-status--ready">{t('printing.ready')}</span>;
  const words =
    status.faults.length > 0
      ? status.faults.map((fault) => t(`printing.fault.${fault}`)).join(', ')
      : t('printing.notReady');
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
