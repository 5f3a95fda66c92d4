import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useScanHandler } from '../scanning/use-scan-handler';
import { shortReasons, type PickLine, type ShortReason } from './pick-rules';

/**
 * "How many more?" for a line with several units. It never takes an item scan: those fall
 * through to the picking screen and count one each, so the packer may type or keep scanning.
 */
export function QuantityPrompt(props: {
  line: PickLine;
  remaining: number;
  onConfirm(quantity: number): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(String(props.remaining));
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.select(), []);
  useScanHandler('quantity-prompt', 'prompt', (scan) => {
    if (scan.result.kind === 'command' && scan.result.command === 'CANCEL') {
      props.onClose();
      return true;
    }
    return false;
  });
  const quantityOf = (text: string) => (/^\d{1,5}$/.test(text.trim()) ? Number(text.trim()) : NaN);
  return (
    <form
      className="prompt"
      data-testid="quantity-prompt"
      onSubmit={(e) => {
        e.preventDefault();
        // Read the field itself: typed keys and Enter can land in the same frame.
        const quantity = quantityOf(field.current?.value ?? typed);
        if (quantity >= 1) props.onConfirm(quantity);
      }}
      onKeyDown={(e) => e.key === 'Escape' && props.onClose()}
    >
      <label className="field">
        <span className="field__label">
          {t('pick.howManyMore', { name: props.line.name, remaining: props.remaining })}
        </span>
        <input
          ref={field}
          className="field__input prompt__number"
          inputMode="numeric"
          autoComplete="off"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
      </label>
      <p className="prompt__hint">{t('pick.howManyHint')}</p>
    </form>
  );
}

/** Why a line is short: number keys 1–4 or the buttons; Escape or CMD:CANCEL backs out. */
export function ShortPrompt(props: {
  line: PickLine;
  quantity: number;
  onChoose(reason: ShortReason): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  useScanHandler('short-prompt', 'prompt', (scan) => {
    if (scan.result.kind === 'command' && scan.result.command === 'CANCEL') {
      props.onClose();
      return true;
    }
    return false;
  });
  function onKeyDown(event: KeyboardEvent) {
    const reason = shortReasons[Number(event.key) - 1];
    if (reason) props.onChoose(reason);
    else if (event.key === 'Escape') props.onClose();
  }
  return (
    <div
      className="prompt"
      role="dialog"
      aria-label={t('pick.shortTitle')}
      data-testid="short-prompt"
      onKeyDown={onKeyDown}
    >
      <p className="prompt__title">
        {t('pick.shortQuestion', { name: props.line.name, quantity: props.quantity })}
      </p>
      <ol className="prompt__choices">
        {shortReasons.map((reason, index) => (
          <li key={reason}>
            <button
              ref={index === 0 ? first : undefined}
              type="button"
              className="button button--choice"
              onClick={() => props.onChoose(reason)}
            >
              <kbd>{index + 1}</kbd> {t(`pick.reason.${reason}`)}
            </button>
          </li>
        ))}
      </ol>
      <p className="prompt__hint">{t('pick.shortHint')}</p>
    </div>
  );
}
