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

/**
 * A constraint refused the write (class 23: unique, foreign key, check, not null, or a trigger
 * that guards ownership): the request lost a race or broke a rule, never a server fault.
 */
export const isIntegrityViolation = (error: unknown): boolean =>
  codeOf(error)?.startsWith('23') === true;

/** The constraint or index a violation names, when the driver reports it. */
export const constraintOf = (error: unknown): string | undefined =>
  typeof error === 'object' &&
  error !== null &&
  'constraint' in error &&
  typeof error.constraint === 'string'
    ? error.constraint
    : undefined;
