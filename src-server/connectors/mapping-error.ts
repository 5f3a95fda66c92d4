// Turns a failed platform-payload parse into the API's error shape, naming the platform's field.
import type { z } from 'zod';
import { ApiError, fieldPath } from '../http/api-error';

export function platformPayloadError(platform: string, error: z.ZodError): ApiError {
  const issue = error.issues[0];
  const field = issue ? fieldPath(issue.path) : '';
  return new ApiError(
    400,
    'validation_failed',
    `${platform} order ${field === '' ? '' : `${field}: `}${issue?.message ?? 'is invalid'}`,
    field === '' ? 'body' : field,
  );
}

export function requireMinor(
  platform: string,
  value: string | number,
  field: string,
  toMinor: (v: string | number) => number | null,
): number {
  const minor = toMinor(value);
  if (minor === null)
    throw new ApiError(
      400,
      'validation_failed',
      `${platform} ${field} is not an amount: "${value}"`,
      field,
    );
  return minor;
}
