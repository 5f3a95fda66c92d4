import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { StationApiError } from '../../shared/station-api';
import { station } from '../station-api/connect';
import { useStation } from '../state/station-store';

/** First start: the lead types the central OMS address and the one-time enrolment code. */
export function SetupScreen() {
  const { t } = useTranslation();
  const suggested = useStation((s) => s.enrolment?.centralUrl ?? '');
  const [centralUrl, setCentralUrl] = useState(suggested);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await station().enrol({ centralUrl: centralUrl.trim(), code: code.trim() });
    } catch (err) {
      setError(err instanceof StationApiError || err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="screen screen--narrow">
      <h2 className="screen__title">{t('setup.title')}</h2>
      <p className="lead" data-testid="instruction">
        {t('setup.explain')}
      </p>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span className="field__label">{t('setup.centralUrl')}</span>
          <input
            className="field__input"
            type="url"
            required
            value={centralUrl}
            onChange={(e) => setCentralUrl(e.target.value)}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('setup.code')}</span>
          <input
            className="field__input field__input--code"
            required
            autoComplete="off"
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </label>
        {error && (
          <p className="message message--error" role="alert">
            {error}
          </p>
        )}
        <button className="button" type="submit" disabled={busy}>
          {busy ? t('setup.enrolling') : t('setup.enrol')}
        </button>
      </form>
    </main>
  );
}
