// The print queue and its history, newest first: state, reason, attempts, reprint and preview.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationDatabase } from '../db/database';
import type { PrintJobDoc } from './print-job';
import { loadJobOwners, type JobOwner } from './print-job-owner';
import { reprintJob } from './print-queue';
import { isVoidedJob } from './print-queue-rules';
import { LabelPreview } from './label-preview';
import { faultWords } from './printer-status-badge';
import { usePrinters } from './use-printers';
import './printing.css';

const HISTORY_LIMIT = 50;

type PanelDatabase = Pick<StationDatabase, 'print_jobs' | 'shipments' | 'fulfillments'>;

/** Jobs are named by order, carton and kind, as the packer knows them; never by id. */
export function PrintQueuePanel({ db }: { db: PanelDatabase }) {
  const { t, i18n } = useTranslation();
  const jobs = db.print_jobs;
  const { list, statuses } = usePrinters();
  const [rows, setRows] = useState<PrintJobDoc[]>([]);
  const [owners, setOwners] = useState<Map<string, JobOwner>>(new Map());
  const [previewId, setPreviewId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const subscription = jobs
      .find({ sort: [{ createdAt: 'desc' }], limit: HISTORY_LIMIT })
      .$.subscribe((docs) => setRows(docs.map((doc) => doc.toJSON() as PrintJobDoc)));
    return () => subscription.unsubscribe();
  }, [jobs]);
  useEffect(() => {
    let current = true;
    void loadJobOwners(db, rows).then((found) => current && setOwners(found));
    return () => {
      current = false;
    };
  }, [db, rows]);

  // A job waiting for its printer names what is wrong with the printer now, in the packer's
  // language; the driver's own words (e.g. "connect ECONNREFUSED") stay in the tooltip.
  const waitingFor = (job: PrintJobDoc) => {
    const status = statuses[job.printerId];
    return status && !status.ready && status.faults.length > 0
      ? faultWords(t, status.faults)
      : job.reason;
  };
  const printerName = (printerId: string) =>
    list?.printers.find((printer) => printer.id === printerId)?.name ??
    t('printing.removedPrinter');
  const ownerText = (job: PrintJobDoc) => {
    const owner = owners.get(job.id);
    if (!owner) return job.kind === 'intake-label' ? job.reference : null;
    const order = t('printing.jobOrder', { order: owner.orderNumber });
    return owner.carton
      ? `${order} · ${t('printing.jobCarton', { number: owner.carton.number, count: owner.carton.count })}`
      : order;
  };
  const time = (ms: number) =>
    new Intl.DateTimeFormat(i18n.language, { timeStyle: 'medium' }).format(ms);
  const reprint = (jobId: string) =>
    void reprintJob(jobs, jobId).catch((err: unknown) =>
      setError(err instanceof Error ? err.message : String(err)),
    );

  return (
    <section className="print-queue-panel" aria-labelledby="print-queue-title">
      <h2 className="screen__title" id="print-queue-title">
        {t('printing.queueTitle')}
      </h2>
      {error && (
        <p className="message message--error" role="alert">
          {error}
        </p>
      )}
      {rows.length === 0 && <p className="notice">{t('printing.queueEmpty')}</p>}
      <table className="print-queue">
        <thead>
          <tr>
            <th scope="col">{t('printing.column.time')}</th>
            <th scope="col">{t('printing.column.job')}</th>
            <th scope="col">{t('printing.column.printer')}</th>
            <th scope="col">{t('printing.column.state')}</th>
            <th scope="col">{t('printing.column.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((job) => (
            <tr key={job.id} data-testid="print-job" data-kind={job.kind}>
              <td>{time(job.createdAt)}</td>
              <td>
                <strong data-testid="print-job-owner">{ownerText(job) ?? '—'}</strong>
                <div className="print-queue__reason" data-testid="print-job-kind">
                  {t(`printing.kindName.${job.kind}`)}
                  {job.reprintOf && ` · ${t('printing.reprinted')}`}
                </div>
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
