import { useTranslation } from 'react-i18next';
import { isReasonMessage, reasonText } from '../i18n/reason-text';
import { useFeedback } from './feedback-store';

/** The big line under the screen title that answers every scan. */
export function FeedbackBanner() {
  const { t } = useTranslation();
  const current = useFeedback((s) => s.current);
  if (!current)
    return (
      <p
        className="feedback feedback--idle"
        data-testid="feedback"
        data-seq={0}
        aria-live="assertive"
      />
    );
  return (
    <p
      key={current.seq}
      className={`feedback feedback--${current.tone}`}
      data-testid="feedback"
      data-tone={current.tone}
      data-seq={current.seq}
      data-key={current.key}
      role={current.tone === 'success' ? 'status' : 'alert'}
    >
      {t(
        current.key,
        Object.fromEntries(
          Object.entries(current.values).map(([name, value]) => [
            name,
            isReasonMessage(value) ? reasonText(t, value.reason, value.sentence) : value,
          ]),
        ),
      )}
    </p>
  );
}
