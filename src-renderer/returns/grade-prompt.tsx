import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReturnDisposition, ReturnGrade } from '../../shared/sync/documents';
import { defaultDisposition, DISPOSITIONS, GRADES, type PendingItem } from './intake-rules';

interface Props {
  pending: PendingItem;
  productName: string;
  onGrade(grade: ReturnGrade): void;
  onDisposition(disposition: ReturnDisposition): void;
  onNote(note: string): void;
  /** Escape: one step back (disposition → grade → no unit). */
  onBack(): void;
}

/**
 * Grade, then disposition, by number keys 1–4 (or the buttons); Enter takes the suggested
 * disposition. The note field is optional and takes typing without choosing anything.
 */
export function GradePrompt({
  pending,
  productName,
  onGrade,
  onDisposition,
  onNote,
  onBack,
}: Props) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const choosingGrade = pending.grade === null;
  const suggested = pending.grade ? defaultDisposition(pending.grade, pending.match) : null;
  useEffect(() => box.current?.focus(), [choosingGrade]);

  function onKeyDown(event: KeyboardEvent) {
    const inNote = event.target instanceof HTMLInputElement;
    if (event.key === 'Escape') onBack();
    else if (inNote) return;
    else if (choosingGrade && GRADES[Number(event.key) - 1])
      onGrade(GRADES[Number(event.key) - 1]!);
    else if (!choosingGrade && DISPOSITIONS[Number(event.key) - 1])
      onDisposition(DISPOSITIONS[Number(event.key) - 1]!);
    else if (!choosingGrade && event.key === 'Enter' && suggested) onDisposition(suggested);
    else return;
    event.preventDefault();
  }

  const flag = pending.match === 'expected' ? null : t(`returns.match.${pending.match}`);
  return (
    <div
      ref={box}
      tabIndex={-1}
      className="prompt grade-prompt"
      role="dialog"
      data-testid={choosingGrade ? 'grade-prompt' : 'disposition-prompt'}
      onKeyDown={onKeyDown}
    >
      <p className="prompt__title">
        {choosingGrade
          ? t('returns.gradeQuestion', { name: productName })
          : t('returns.dispositionQuestion', { name: productName, grade: pending.grade })}
        {flag && <span className="badge badge--warn grade-prompt__flag">{flag}</span>}
      </p>
      <ol className="prompt__choices">
        {choosingGrade
          ? GRADES.map((grade, index) => (
              <li key={grade}>
                <button
                  type="button"
                  className="button button--choice"
                  onClick={() => onGrade(grade)}
                >
                  <kbd>{index + 1}</kbd> {grade} · {t(`returns.grade.${grade}`)}
                </button>
              </li>
            ))
          : DISPOSITIONS.map((disposition, index) => (
              <li key={disposition}>
                <button
                  type="button"
                  className={`button button--choice${disposition === suggested ? ' grade-prompt__suggested' : ''}`}
                  data-suggested={disposition === suggested}
                  onClick={() => onDisposition(disposition)}
                >
                  <kbd>{index + 1}</kbd> {t(`returns.disposition.${disposition}`)}
                  {disposition === suggested && (
                    <span className="muted"> · {t('returns.suggested')}</span>
                  )}
                </button>
              </li>
            ))}
      </ol>
      <label className="field grade-prompt__note">
        <span className="field__label">{t('returns.itemNote')}</span>
        <input
          className="field__input"
          type="text"
          maxLength={500}
          autoComplete="off"
          value={pending.note}
          onChange={(e) => onNote(e.target.value)}
          data-testid="item-note"
        />
      </label>
      <p className="prompt__hint">
        {choosingGrade ? t('returns.gradeHint') : t('returns.dispositionHint')}
      </p>
    </div>
  );
}
