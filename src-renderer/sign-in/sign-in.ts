// Badge + PIN, checked at the station against the operators synced from the central OMS, so
// sign-in works offline. The answer never says which of the two was wrong.
import { scannedText, type ScanResult } from '../../shared/barcodes';
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

/**
 * The badge a scan names: a `U:` code, or the bare badge text (as the README and the operator list
 * give it, e.g. NL-TIL-1) when it is the badge of a synced operator. Null when it is no badge.
 */
export async function badgeFromScan(
  scan: { raw: string; result: ScanResult },
  findByBadge: (badge: string) => Promise<OperatorDoc | null>,
): Promise<string | null> {
  if (scan.result.kind === 'operator') return scan.result.code;
  const badge = normaliseBadge(scannedText(scan.raw));
  if (badge === '') return null;
  return (await findByBadge(badge))?.badge ?? null;
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
