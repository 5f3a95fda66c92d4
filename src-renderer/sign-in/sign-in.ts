// Badge + PIN, checked at the station against the operators synced from the central OMS, so
// sign-in works offline. The answer never says which of the two was wrong.
import { verifyPin } from '../../shared/operators/pin-hash';
import type { OperatorDoc } from '../../shared/sync/documents';
import type { SignedInOperator } from './operator-store';

export type SignInResult =
  | { ok: true; operator: SignedInOperator }
  | { ok: false; reason: 'unknown-or-wrong-pin' | 'inactive' };

/** A typed badge may come with or without the `U:` of the printed code, in any case. */
export function normaliseBadge(typed: string): string {
  const text = typed.trim().toUpperCase();
  return text.startsWith('U:') ? text.slice(2) : text;
}

export async function checkSignIn(
  findByBadge: (badge: string) => Promise<OperatorDoc | null>,
  badge: string,
  pin: string,
): Promise<SignInResult> {
  const operator = await findByBadge(normaliseBadge(badge));
  if (!operator) return { ok: false, reason: 'unknown-or-wrong-pin' };
  if (!(await verifyPin(pin, operator.pinSalt, operator.pinHash)))
    return { ok: false, reason: 'unknown-or-wrong-pin' };
  if (!operator.active) return { ok: false, reason: 'inactive' };
  return {
    ok: true,
    operator: {
      id: operator.id,
      name: operator.name,
      badge: operator.badge,
      locale: operator.locale,
    },
  };
}
