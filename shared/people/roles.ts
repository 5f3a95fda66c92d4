// The roles people hold in the back office. A warehouse lead's role carries the warehouse codes
// the lead runs; every other role reaches all warehouses. Route rules name these (src-server/access).
import { z } from 'zod';

export const ROLES = [
  'admin',
  'customer_service',
  'sales_rep',
  'purchasing',
  'finance',
  'warehouse_lead',
] as const;

export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Passwords: long enough to resist guessing, short enough to hash quickly (argon2id input). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

/** E-mail addresses are compared and stored lower-case and trimmed. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('must be an e-mail address').max(254));

/** The languages a person's or packer's choice is saved in; 0805-saved-locales checks the same list. */
export const LOCALES = ['en', 'nl', 'de', 'fr'] as const;
export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;
