// Printer set-up: the printers of this station with live status, the defaults for labels and
// slips, a test label per printer, adding a network Zebra by address and a system printer by discovery.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiscoveredPrinter, Printer, PrinterRole } from '../../shared/station-api/printing';
import { station } from '../station-api/connect';
import { PrinterStatusBadge } from './printer-status-badge';
import { usePrinters } from './use-printers';
import './printing.css';

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

function printerDetail(printer: Printer): string {
  if (printer.kind === 'zebra-tcp') return `${printer.host}:${printer.port}`;
  return printer.kind === 'spooler' ? printer.queue : printer.folder;
}

export function PrinterSetupScreen() {
  const { t } = useTranslation();
  const { list, statuses, error, setList, refresh } = usePrinters();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [discovered, setDiscovered] = useState<DiscoveredPrinter[] | null>(null);
  const [discovering, setDiscovering] = useState(false);
  const [form, setForm] = useState({ name: '', host: '', port: '9100', dpi: '203' });
  const [fileForm, setFileForm] = useState({ name: '', folder: '' });

  async function act(action: () => Promise<void>) {
    setNotice(null);
    try {
      await action();
    } catch (err) {
      setNotice({ ok: false, text: message(err) });
    }
  }

  const addNetwork = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      await station().addNetworkPrinter({
        name: form.name.trim(),
        host: form.host.trim(),
        port: Number(form.port) || 9100,
        dpi: form.dpi === '300' ? 300 : 203,
      });
      setForm({ name: '', host: '', port: '9100', dpi: '203' });
      await refresh();
    });
  };

  const addFile = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      await station().addFilePrinter({
        name: fileForm.name.trim(),
        folder: fileForm.folder.trim(),
      });
      setFileForm({ name: '', folder: '' });
      await refresh();
    });
  };

  const discover = () =>
    void act(async () => {
      setDiscovering(true);
      try {
        setDiscovered(await station().discoverPrinters({}));
      } finally {
        setDiscovering(false);
      }
    });

  const addSpooler = (queue: string) =>
    void act(async () => {
      await station().addSpoolerPrinter({ queue });
      setDiscovered(await station().discoverPrinters({}));
      await refresh();
    });

  const testLabel = (printerId: string) =>
    void act(async () => {
      const result = await station().printTestLabel({ printerId });
      setNotice(
        result.outcome === 'done'
          ? { ok: true, text: t('printing.testSent') }
          : { ok: false, text: result.reason },
      );
    });

  const setDefault = (role: PrinterRole, printerId: string) =>
    void act(async () => setList(await station().setDefaultPrinter({ role, printerId })));
  const remove = (printerId: string) =>
    void act(async () => setList(await station().removePrinter({ printerId })));

  return (
    <section className="printer-setup" aria-labelledby="printer-setup-title">
      <h2 className="screen__title" id="printer-setup-title">
        {t('printing.setupTitle')}
      </h2>
      <p className="lead" data-testid="instruction">
        {t('printing.setupExplain')}
      </p>
      {(notice || error) && (
        <p className={`message ${notice?.ok ? 'message--ok' : 'message--error'}`} role="alert">
          {notice?.text ?? error}
        </p>
      )}

      <h3>{t('printing.printers')}</h3>
      {list && list.printers.length === 0 && <p className="notice">{t('printing.none')}</p>}
      <ul className="printers">
        {list?.printers.map((printer) => (
          <li key={printer.id} className="printer">
            <div>
              <div className="printer__name">{printer.name}</div>
              <div className="printer__detail">
                {t(`printing.kind.${printer.kind}`)} · {printerDetail(printer)}
              </div>
            </div>
            <PrinterStatusBadge status={statuses[printer.id]} />
            <div className="printer__actions">
              <div className="printer-defaults">
                <label>
                  <input
                    type="radio"
                    name="default-label"
                    checked={list.defaultLabelPrinterId === printer.id}
                    onChange={() => setDefault('label', printer.id)}
                  />
                  {t('printing.defaultLabel')}
                </label>
                <label>
                  <input
                    type="radio"
                    name="default-slip"
                    checked={list.defaultSlipPrinterId === printer.id}
                    onChange={() => setDefault('slip', printer.id)}
                  />
                  {t('printing.defaultSlip')}
                </label>
              </div>
              <button className="button" type="button" onClick={() => testLabel(printer.id)}>
                {t('printing.testLabel')}
              </button>
              <button
                className="button button--small"
                type="button"
                onClick={() => remove(printer.id)}
              >
                {t('printing.remove')}
              </button>
            </div>
          </li>
        ))}
      </ul>

      <h3>{t('printing.addNetwork')}</h3>
      <form className="print-form" onSubmit={addNetwork}>
        <label className="field">
          <span className="field__label">{t('printing.name')}</span>
          <input
            className="field__input"
            required
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('printing.address')}</span>
          <input
            className="field__input"
            required
            inputMode="url"
            autoComplete="off"
            value={form.host}
            onChange={(e) => setForm({ ...form, host: e.target.value })}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('printing.port')}</span>
          <input
            className="field__input"
            inputMode="numeric"
            value={form.port}
            onChange={(e) => setForm({ ...form, port: e.target.value })}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('printing.dpi')}</span>
          <select
            className="field__input"
            value={form.dpi}
            onChange={(e) => setForm({ ...form, dpi: e.target.value })}
          >
            <option value="203">203 dpi</option>
            <option value="300">300 dpi</option>
          </select>
        </label>
        <button className="button" type="submit">
          {t('printing.add')}
        </button>
      </form>

      <h3>{t('printing.addFile')}</h3>
      <form className="print-form" onSubmit={addFile}>
        <label className="field">
          <span className="field__label">{t('printing.name')}</span>
          <input
            className="field__input"
            required
            value={fileForm.name}
            onChange={(e) => setFileForm({ ...fileForm, name: e.target.value })}
          />
        </label>
        <label className="field print-form__wide">
          <span className="field__label">{t('printing.folder')}</span>
          <input
            className="field__input"
            required
            autoComplete="off"
            value={fileForm.folder}
            onChange={(e) => setFileForm({ ...fileForm, folder: e.target.value })}
          />
        </label>
        <button className="button" type="submit">
          {t('printing.add')}
        </button>
      </form>

      <h3>{t('printing.discovered')}</h3>
      <button className="button" type="button" onClick={discover} disabled={discovering}>
        {discovering ? t('printing.discovering') : t('printing.discover')}
      </button>
      {discovered && discovered.length === 0 && (
        <p className="notice">{t('printing.noneDiscovered')}</p>
      )}
      <ul className="printers">
        {discovered?.map((entry) => (
          <li key={entry.queue} className="printer">
            <div>
              <div className="printer__name">{entry.queue}</div>
              {entry.description && <div className="printer__detail">{entry.description}</div>}
            </div>
            {entry.alreadyAdded ? (
              <span className="printer-status">{t('printing.added')}</span>
            ) : (
              <button className="button" type="button" onClick={() => addSpooler(entry.queue)}>
                {t('printing.add')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
