import { z } from 'zod';
import { passwordSchema } from '../../shared/people/roles';

/** A new password typed twice (reset and change share it). */
export const newPasswordForm = z
  .object({ password: passwordSchema, repeat: z.string() })
  .refine((v) => v.password === v.repeat, { path: ['repeat'], message: 'differs' });
export type NewPasswordForm = z.infer<typeof newPasswordForm>;
