// Shopify signs each webhook: X-Shopify-Hmac-Sha256 = base64(HMAC-SHA256(app secret, raw body)).
import { createHmac, timingSafeEqual } from 'node:crypto';

export function shopifyHmac(rawBody: Buffer | string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}

export function verifyShopifyHmac(
  rawBody: Buffer,
  secret: string,
  header: string | undefined,
): boolean {
  if (typeof header !== 'string' || header === '') return false;
  const expected = Buffer.from(shopifyHmac(rawBody, secret), 'base64');
  const given = Buffer.from(header, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
