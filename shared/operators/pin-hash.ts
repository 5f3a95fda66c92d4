// Operator PINs are checked at the station, offline, against a hash synced from the central OMS.
// PBKDF2-SHA256 through WebCrypto, available in Node and in the browser alike. A 4–8 digit PIN
// is weak against an offline attacker whatever the hash; the iteration count only slows guessing,
// and the badge is the other factor.
export const PIN_HASH_ITERATIONS = 60_000;

function toHex(bytes: ArrayBuffer | Uint8Array): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(new ArrayBuffer(hex.length / 2));
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function isValidPin(pin: string): boolean {
  return /^\d{4,8}$/.test(pin);
}

export async function hashPin(
  pin: string,
  saltHex: string,
  iterations = PIN_HASH_ITERATIONS,
): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromHex(saltHex), iterations },
    key,
    256,
  );
  return toHex(bits);
}

export function newPinSalt(): string {
  return toHex(crypto.getRandomValues(new Uint8Array(16)));
}

/** Compares in constant time for equal-length hashes. */
export async function verifyPin(
  pin: string,
  saltHex: string,
  expectedHex: string,
): Promise<boolean> {
  if (!isValidPin(pin)) return false;
  const actual = await hashPin(pin, saltHex);
  if (actual.length !== expectedHex.length) return false;
  let diff = 0;
  for (let i = 0; i < actual.length; i++) diff |= actual.charCodeAt(i) ^ expectedHex.charCodeAt(i);
  return diff === 0;
}
