// PostgreSQL error codes the services react to (the same on PGlite and on `pg`).
const codeOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;

export const isUniqueViolation = (error: unknown): boolean => codeOf(error) === '23505';

/** Deadlock or serialization failure: the transaction may simply be run again. */
export const isRetryableConflict = (error: unknown): boolean => {
  const code = codeOf(error);
  return code === '40P01' || code === '40001';
};
