// The buyer's accept link: the subscriptions' self-service link (self-service-links.ts) over the
// quote id, the last day of its validity and, as the link epoch, the quote version it was sent
// with — signed, so the e-mail consumer and a retried delivery derive the same link without it
// being stored; expiring with the quote; revoked when the quote is revised (a new version) or
// expires (its hash is cleared). Accepting is once: a second click finds the order the first made.
import { readLink, signLink, verifyLink } from '../../subscriptions/self-service-links';
import type { LinkVerdict } from '../../subscriptions/self-service-links';

export interface QuoteLinkSettings {
  /** Where the OMS is reached from the buyer's mail client. */
  baseUrl: string;
  secret: string;
}

export function quoteAcceptToken(
  secret: string,
  quote: { id: string; version: number; validUntil: string },
): string {
  return signLink(secret, { subscriptionId: quote.id, expiresOn: quote.validUntil }, quote.version);
}

export const quoteAcceptPath = (token: string) => `/v1/b2b/quote-links/${token}/accept`;
export const quoteLinkUrl = (baseUrl: string, token: string) =>
  `${baseUrl}/v1/b2b/quote-links/${token}`;

/** The quote a token names and its verdict against the quote's current version, or null. */
export function readQuoteToken(token: string): {
  quoteId: string;
  verify: (secret: string, version: number, today: string) => LinkVerdict;
} | null {
  const claims = readLink(token);
  if (!claims) return null;
  return {
    quoteId: claims.subscriptionId,
    verify: (secret, version, today) => verifyLink(secret, claims, version, today),
  };
}
