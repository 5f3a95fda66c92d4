// Channel API keys: shown once, stored only as a SHA-256 hash. A key has 256 bits of entropy,
// so a plain (unsalted) hash is enough to make a leaked table useless.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const KEY_PREFIX = 'oms_';

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function generateApiKey(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

/** A reproducible key for demo data, so the docs can name it. Never used outside the seed. */
export function deriveDemoApiKey(seed: string, channelCode: string): string {
  return (
    KEY_PREFIX + createHmac('sha256', seed).update(`channel:${channelCode}`).digest('base64url')
  );
}

/** Compares two secrets without leaking where they differ through timing. */
export function secretsEqual(a: string, b: string): boolean {
  const left = createHash('sha256').update(a, 'utf8').digest();
  const right = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(left, right);
}
