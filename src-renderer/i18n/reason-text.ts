// A reason from another process, said in the packer's language. A code this station does not know
// (a newer central OMS) or a document from before codes existed shows the English sentence it came with.
import type { TFunction } from 'i18next';
import type { Reason, ReasonMessage } from '../../shared/reasons/reason';

export function reasonText(
  t: TFunction,
  reason: Reason | null | undefined,
  sentence: string | null | undefined,
): string {
  const fallback = sentence?.trim() || '—';
  if (!reason) return fallback;
  return t(`reason.${reason.code}`, { ...reason.params, defaultValue: fallback });
}

export function isReasonMessage(value: unknown): value is ReasonMessage {
  return typeof value === 'object' && value !== null && 'sentence' in value && 'reason' in value;
}
