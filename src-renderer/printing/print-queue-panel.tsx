// The print queue and its history, newest first: state, reason, attempts, reprint and preview.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintJobDoc, PrintJobsCollection } from './print-job';
import { reprintJob } from './print-queue';
import { isVoidedJob } from './print-queue-rules';
import { LabelPreview } from './label-preview';
import { faultWords } from './printer-status-badge';
import { usePrinters } from './use-printers';
import './printing.css';

const HISTORY_LIMIT = 50;

export function PrintQueuePanel({ jobs }: { jobs: PrintJobsCollection }) {
  const { t, i18n } = useTranslation();
  const { list, statuses } = usePrinters();
  const [rows, setRows] = useState<PrintJobDoc[]>([]);
  const [previewId, setPreviewId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const subscription = jobs
      .find({ sort: [{ createdAt: 'desc' }], limit: HISTORY_LIMIT })
      .$.subscribe((docs) => setRows(docs.map((doc) => doc.toJSON() as PrintJobDoc)));
    return () => subscription.unsubscribe();
  }, [jobs]);

  // A job waiting for its printer names what is wrong with the printer now, in the packer's
  // language; the driver's own words (e.g. "connect ECONNREFUSED") stay in the tooltip.
  const waitingFor = (job: PrintJobDoc) => {
    const status = statuses[job.printerId];
    return status && !status.ready && status.faults.length > 0
      ? faultWords(t, status.faults)
      : job.reason;
  };
  const printerName = (printerId: string) =>
    list?.printers.find((printer) => printer.id === printerId)?.name ?? printerId;
  const time = (ms: number) =>
    new Intl.DateTimeFormat(i18n.language, { timeStyle: 'medium' }).format(ms);
  const reprint = (jobId: string) =>
    void reprintJob(jobs, jobId).catch((err: unknown) =>
      setError(err instanceof Error ? err.message : String(err)),
    );

  return (
    <section className="screen">
      <h2 className="screen__title">{t('printing.queueTitle')}</h2>
      {error && (
        <p className="message message--error" role="alert">
          {error}
        </p>
      )}
      {rows.length === 0 && <p className="notice">{t('printing.queueEmpty')}</p>}
      <table className="print-queue">
        <tbody>
          {rows.map((job) => (
            <tr key={job.id}>
              <td>{time(job.createdAt)}</td>
              <td>
                <strong>{t(`printing.kindName.${job.kind}`)}</strong>
                {job.reference && <div className="print-queue__reason">{job.reference}</div>}
              </td>
              <td>{printerName(job.printerId)}</td>
              <td>
                <span className={`print-queue__state--${job.state}`}>
                  {t(`printing.state.${job.state}`)}
                </span>
                {job.reason && (
                  <div className="print-queue__reason" title={job.reason}>
                    {job.state === 'failed' && job.retryable
                      ? t('printing.waitingForPrinter', { reason: waitingFor(job) })
                      : isVoidedJob(job)
                        ? t('printing.voided')
                        : job.reason}
                  </div>
                )}
                <div className="print-queue__reason">
                  {t('printing.attempts', { count: job.attempts })}
                </div>
              </td>
              <td>
                {!isVoidedJob(job) &&
                  (job.state === 'done' || (job.state === 'failed' && !job.retryable)) && (
                    <button
                      className="button button--small"
                      type="button"
                      onClick={() => reprint(job.id)}
                    >
                      {t('printing.reprint')}
                    </button>
                  )}
                {job.format === 'zpl' && (
                  <button
                    className="button button--small"
                    type="button"
                    onClick={() => setPreviewId(previewId === job.id ? null : job.id)}
                  >
                    {previewId === job.id ? t('printing.hidePreview') : t('printing.preview')}
                  </button>
                )}
                {previewId === job.id && <LabelPreview zpl={job.payload} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
