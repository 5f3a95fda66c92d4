import { describe, expect, it } from 'vitest';
import { hashPin, isValidPin, newPinSalt, verifyPin } from './pin-hash';

describe('operator PIN hashes', () => {
  it('accepts the right PIN and refuses a wrong one', async () => {
    const salt = newPinSalt();
    const hash = await hashPin('4821', salt);
    expect(await verifyPin('4821', salt, hash)).toBe(true);
    expect(await verifyPin('4822', salt, hash)).toBe(false);
  });

  it('gives different hashes for the same PIN with different salts', async () => {
    expect(await hashPin('1234', newPinSalt())).not.toBe(await hashPin('1234', newPinSalt()));
  });

  it('refuses PINs that are not 4 to 8 digits without hashing them', async () => {
    expect(isValidPin('123')).toBe(false);
    expect(isValidPin('12a4')).toBe(false);
    expect(await verifyPin('', 'aa', 'bb')).toBe(false);
  });
});
