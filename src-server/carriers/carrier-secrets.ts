// AES-256-GCM sealing of carrier credentials. The key is CARRIER_SECRET_KEY (32 bytes, base64 or
// hex); the warehouse and carrier are bound in as associated data, so a sealed value copied to
// another row does not open. A fresh random IV per seal.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export class CarrierSecrets {
  private constructor(private readonly key: Buffer) {}

  /** From CARRIER_SECRET_KEY; without it a key derived from the admin token (development only). */
  static fromSetting(setting: string | undefined, adminToken: string): CarrierSecrets {
    if (!setting) {
      const derived = hkdfSync('sha256', adminToken, 'packing-oms', 'carrier-credentials', 32);
      return new CarrierSecrets(Buffer.from(derived));
    }
    const key = /^[0-9a-f]{64}$/i.test(setting)
      ? Buffer.from(setting, 'hex')
      : Buffer.from(setting, 'base64');
    if (key.length !== 32)
      throw new Error('CARRIER_SECRET_KEY must be 32 bytes, base64 or 64 hex digits');
    return new CarrierSecrets(key);
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  /** Throws when the value was altered or sealed with another key or context. */
  open(sealed: string, context: string): string {
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }
}
