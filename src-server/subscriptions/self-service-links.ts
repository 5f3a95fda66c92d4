// The customer's self-service link, `/s/<token>`: the subscription id, the last day the link works
// and an HMAC over both and the subscription's link epoch. Nothing is stored per link, so an
// e-mail delivery retried later carries the same link; raising `link_epoch` revokes every link
// given out. The token is the credential: the page is sent with no-referrer so it never leaks.
import { createHmac } from 'node:crypto';
import { secretsEqual } from '../access/api-keys';
import { addDays, daysBetween } from './subscription-calendar';
import type { IsoDate } from './subscription-calendar';

const EPOCH_DAY: IsoDate = '2000-01-01';
const TOKEN = /^([0-9a-f]{32})\.([0-9a-z]{1,6})\.([A-Za-z0-9_-]{22})$/;

export interface LinkClaims {
  subscriptionId: string;
  expiresOn: IsoDate;
}

const mac = (secret: string, compactId: string, expiry: string, linkEpoch: number) =>
  createHmac('sha256', secret)
    .update(`${compactId}.${expiry}.${linkEpoch}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');

export function signLink(secret: string, claims: LinkClaims, linkEpoch: number): string {
  const compactId = claims.subscriptionId.replace(/-/g, '');
  const expiry = daysBetween(EPOCH_DAY, claims.expiresOn).toString(36);
  return `${compactId}.${expiry}.${mac(secret, compactId, expiry, linkEpoch)}`;
}

/** The claims a token makes, before they are checked; null when it is not shaped like one. */
export function readLink(
  token: string,
): (LinkClaims & { check: string; expiry: string; compactId: string }) | null {
  const match = TOKEN.exec(token);
  if (!match) return null;
  const [, compactId, expiry, check] = match as unknown as [string, string, string, string];
  const id = compactId.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
  return {
    subscriptionId: id,
    expiresOn: addDays(EPOCH_DAY, parseInt(expiry, 36)),
    check,
    expiry,
    compactId,
  };
}

export type LinkVerdict = 'valid' | 'expired' | 'invalid';

export function verifyLink(
  secret: string,
  claims: NonNullable<ReturnType<typeof readLink>>,
  linkEpoch: number,
  today: IsoDate,
): LinkVerdict {
  if (!secretsEqual(mac(secret, claims.compactId, claims.expiry, linkEpoch), claims.check))
    return 'invalid';
  return claims.expiresOn < today ? 'expired' : 'valid';
}

export function selfServiceUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/s/${token}`;
}
