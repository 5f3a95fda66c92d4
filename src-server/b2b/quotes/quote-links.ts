// The buyer's accept link: the subscriptions' self-service link (self-service-links.ts) over the
// quote id, the last day of its validity and, as the link epoch, the quote version it was sent
// with — signed, so the e-mail consumer and a retried delivery derive the same link without it
// being stored; expiring with the quote; revoked when the quote is revised (a new version) or
// expires (its hash is cleared). Accepting is once: a second click finds the order the first made.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { ApiError, notFound } from '../../http/api-error';
import { readLink, signLink, verifyLink } from '../../subscriptions/self-service-links';
import type { LinkVerdict } from '../../subscriptions/self-service-links';
import { today, tokenHash } from './quotes';

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
/** The page the e-mail links to (quote-link-page.ts). */
export const quoteLinkUrl = (baseUrl: string, token: string) => `${baseUrl}/q/${token}`;

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

/** The quote a link names: signed for its current version and not revoked; else 404 (409 expired). */
export async function quoteOfLink(db: Kysely<Database>, secret: string, token: string) {
  const claims = readQuoteToken(token);
  const quote = claims
    ? await db
        .selectFrom('b2b_quotes as q')
        .innerJoin('b2b_companies as c', 'c.customer_id', 'q.company_id')
        .innerJoin('b2b_quote_versions as v', (j) =>
          j.onRef('v.quote_id', '=', 'q.id').onRef('v.version', '=', 'q.current_version'),
        )
        .select([
          'q.id',
          'q.number',
          'q.status',
          'q.current_version',
          'q.accept_token_hash',
          'q.order_id',
          'c.legal_name',
          'c.locale',
          'c.po_required',
          'v.total_minor',
          'v.currency',
          'v.valid_until',
        ])
        .where('q.id', '=', claims.quoteId)
        .executeTakeFirst()
    : undefined;
  const verdict = quote && claims!.verify(secret, quote.current_version, today());
  if (!quote || verdict === 'invalid' || quote.accept_token_hash !== tokenHash(token))
    throw notFound('Quote link');
  if (verdict === 'expired' && quote.status !== 'accepted')
    throw new ApiError(409, 'quote_expired', `Quote ${quote.number} has expired.`, 'status');
  return quote;
}
