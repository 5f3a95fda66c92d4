import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useScanRouter } from '../scanning/scan-router';
import { saveScannerSettings } from '../scanning/scanner-settings';

/** Prefix, suffix and timing of this station's scanner; stored per station. */
export function ScannerSettingsForm({ stationId }: { stationId: string }) {
  const { t } = useTranslation();
  const settings = useScanRouter((s) => s.settings);
  const setSettings = useScanRouter((s) => s.setSettings);
  const [prefix, setPrefix] = useState(settings.prefix);
  const [suffix, setSuffix] = useState(settings.suffixes.join('+') || 'none');
  const [maxGap, setMaxGap] = useState(String(settings.maxGapMs));
  const [minLength, setMinLength] = useState(String(settings.minLength));
  const [fnc1, setFnc1] = useState(settings.fnc1Substitutes.join(''));
  const [error, setError] = useState<string | null>(null);

  function save(event: FormEvent) {
    event.preventDefault();
    try {
      const saved = saveScannerSettings(stationId, {
        prefix,
        suffixes: suffix === 'none' ? [] : (suffix.split('+') as ('Enter' | 'Tab')[]),
        maxGapMs: Number(maxGap),
        minLength: Number(minLength),
        fnc1Substitutes: [...fnc1],
      });
      setSettings(saved);
      setError(null);
    } catch (err) {
      setError(
        err instanceof z.ZodError
          ? err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
          : String(err),
      );
    }
  }

  return (
    <form className="form scanner-settings" onSubmit={save}>
      <h3>{t('scanner.settings')}</h3>
      <label className="field">
        <span className="field__label">{t('scanner.prefix')}</span>
        <input
          className="field__input"
          value={prefix}
          onChange={(e) => setPrefix(e.target.value)}
        />
      </label>
      <label className="field">
        <span className="field__label">{t('scanner.suffix')}</span>
        <select value={suffix} onChange={(e) => setSuffix(e.target.value)}>
          <option value="Enter">Enter</option>
          <option value="Tab">Tab</option>
          <option value="Enter+Tab">Enter / Tab</option>
          <option value="none">{t('scanner.noSuffix')}</option>
        </select>
      </label>
      <label className="field">
        <span className="field__label">{t('scanner.maxGap')}</span>
        <input
          className="field__input"
          inputMode="numeric"
          value={maxGap}
          onChange={(e) => setMaxGap(e.target.value)}
        />
      </label>
      <label className="field">
        <span className="field__label">{t('scanner.minLength')}</span>
        <input
          className="field__input"
          inputMode="numeric"
          value={minLength}
          onChange={(e) => setMinLength(e.target.value)}
        />
      </label>
      <label className="field">
        <span className="field__label">{t('scanner.fnc1')}</span>
        <input className="field__input" value={fnc1} onChange={(e) => setFnc1(e.target.value)} />
      </label>
      {error && <p className="message message--error">{error}</p>}
      <button className="button" type="submit">
        {t('scanner.save')}
      </button>
    </form>
  );
}
