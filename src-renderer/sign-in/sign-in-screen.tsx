import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FeedbackBanner } from '../sound/feedback-banner';
import { feedback } from '../sound/feedback-store';
import { useScanHandler } from '../scanning/use-scan-handler';
import { useConnectivity } from '../state/connectivity-store';
import { useStation } from '../state/station-store';
import { useOperator } from './operator-store';
import { waitingCount$ } from '../queue/waiting-count';
import { badgeFromScan, checkSignIn } from './sign-in';

/** Badge scan (or typed badge) and PIN; checked offline against the synced operators. */
export function SignInScreen() {
  const { t } = useTranslation();
  const db = useStation((s) => s.db);
  const online = useConnectivity((s) => s.connectivity?.online ?? false);
  const signIn = useOperator((s) => s.signIn);
  const [badge, setBadge] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [queued, setQueued] = useState(0);
  const badgeField = useRef<HTMLInputElement>(null);
  const pinField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!db) return;
    const sub = waitingCount$(db).subscribe(setQueued);
    return () => sub.unsubscribe();
  }, [db]);
  useEffect(() => badgeField.current?.focus(), []);

  const findOperator = async (code: string) =>
    (await db?.operators.findOne({ selector: { badge: code } }).exec())?.toMutableJSON() ?? null;

  // Any scan is offered as a badge: the printed U: code, or a badge printed bare (NL-TIL-1).
  // Once read, focus moves to the PIN field, so the PIN is never typed into the visible badge.
  function badgeRead(code: string | null) {
    if (code === null) return feedback.warning('signIn.scanBadgeFirst');
    setBadge(code);
    setPin('');
    pinField.current?.focus();
    feedback.success('signIn.badgeRead');
  }
  useScanHandler('sign-in', 'screen', (scan) => {
    if (scan.result.kind === 'operator') badgeRead(scan.result.code);
    else void badgeFromScan(scan, findOperator).then(badgeRead);
    return true;
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!db || busy) return;
    setBusy(true);
    try {
      const result = await checkSignIn(findOperator, badge, pin);
      if (result.ok) {
        signIn(result.operator);
        feedback.success('signIn.welcome', { name: result.operator.name }, { carry: true });
      } else {
        setPin('');
        feedback.error(result.reason === 'inactive' ? 'signIn.inactive' : 'signIn.refused');
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="screen screen--narrow">
      <h2 className="screen__title">{t('home.welcome')}</h2>
      {!online && <p className="notice">{t('home.offlineNote')}</p>}
      <p className="lead" data-testid="queue-count" data-count={queued}>
        {t('home.queue', { count: queued })}
      </p>
      <FeedbackBanner />
      <form className="form" onSubmit={(e) => void submit(e)} aria-label={t('signIn.title')}>
        <p className="lead" data-testid="instruction">
          {t('signIn.explain')}
        </p>
        <label className="field">
          <span className="field__label">{t('signIn.badge')}</span>
          <input
            ref={badgeField}
            className="field__input field__input--code"
            autoComplete="off"
            value={badge}
            onChange={(e) => setBadge(e.target.value)}
            data-testid="badge"
          />
        </label>
        <label className="field">
          <span className="field__label">{t('signIn.pin')}</span>
          <input
            ref={pinField}
            className="field__input"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={pin}
            onChange={(e) => setPin(e.target.value)}
            data-testid="pin"
          />
        </label>
        <button className="button" type="submit" disabled={busy || badge === '' || pin === ''}>
          {t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
