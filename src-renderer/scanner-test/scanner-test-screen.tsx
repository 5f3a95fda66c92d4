import { useTranslation } from 'react-i18next';
import { detectLayoutMismatch } from '../scanning/keyboard-layout';
import { useScanRouter } from '../scanning/scan-router';
import { useScanHandler } from '../scanning/use-scan-handler';
import { feedback } from '../sound/feedback-store';
import { FeedbackBanner } from '../sound/feedback-banner';
import { ScannerSettingsForm } from './scanner-settings-form';

/** Control characters made visible: GS (FNC1) as ⟨GS⟩, others as ⟨0xNN⟩. */
export function visibleCharacters(raw: string): string {
  return [...raw]
    .map((char) => {
      const code = char.codePointAt(0) ?? 0;
      if (code === 29) return '⟨GS⟩';
      return code < 32 || code === 127 ? `⟨0x${code.toString(16).padStart(2, '0')}⟩` : char;
    })
    .join('');
}

/** Scan anything: see exactly what arrived, what it was read as, and whether the layout is wrong. */
export function ScannerTestScreen({ stationId, onClose }: { stationId: string; onClose(): void }) {
  const { t } = useTranslation();
  const last = useScanRouter((s) => s.lastScan);
  useScanHandler('scanner-test', 'screen', (scan) => {
    const known = scan.result.kind !== 'unknown' && scan.result.kind !== 'invalid';
    if (known) feedback.success('scanner.read');
    else feedback.error('scanner.notRead');
    return true;
  });
  const mismatch = last ? detectLayoutMismatch(last.raw) : null;

  return (
    <main className="screen scanner-test" data-testid="scanner-test">
      <h2 className="screen__title">{t('scanner.title')}</h2>
      <p className="lead" data-testid="instruction">
        {t('scanner.explain')}
      </p>
      <FeedbackBanner />
      {last && (
        <dl className="scan-readout">
          <dt>{t('scanner.raw')}</dt>
          <dd className="code" data-testid="scan-raw">
            {visibleCharacters(last.raw)}
          </dd>
          <dt>{t('scanner.codes')}</dt>
          <dd className="code muted">{[...last.raw].map((c) => c.codePointAt(0)).join(' ')}</dd>
          <dt>{t('scanner.readAs')}</dt>
          <dd data-testid="scan-kind" data-kind={last.result.kind}>
            <pre className="code">{JSON.stringify(last.result, null, 1)}</pre>
          </dd>
        </dl>
      )}
      {mismatch?.suspect && (
        <p className="message message--error" role="alert" data-testid="layout-warning">
          {mismatch.layout
            ? t('scanner.layoutMismatch', {
                layout: mismatch.layout.toUpperCase(),
                repaired: mismatch.repaired ?? '',
              })
            : t('scanner.layoutMismatchUnknown', { repaired: mismatch.repaired ?? '' })}
        </p>
      )}
      <ScannerSettingsForm stationId={stationId} />
      <button type="button" className="button button--quiet" onClick={onClose}>
        {t('scanner.close')}
      </button>
    </main>
  );
}
