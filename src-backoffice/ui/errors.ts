import type { TFunction } from 'i18next';
import { ApiFailure } from '../app/api';

/** An API failure in the reader's language: the screen's own words for its codes, else ours. */
export function errorText(t: TFunction, error: unknown, own: Record<string, string> = {}): string {
  if (!(error instanceof ApiFailure)) return t('app:errors.network');
  const code = error.body.code;
  if (own[code]) return own[code];
  if (t(`app:errors.${code}`, { defaultValue: '' })) return t(`app:errors.${code}`);
  return t('app:errors.generic', { message: error.body.message });
}
