// Free text from outside (API bodies, channel payloads, headers): trimmed, never blank, and only
// what PostgreSQL stores exactly as sent. A required field of only spaces is as missing as an
// absent one; an optional field of only spaces is treated as absent (channels send `"  "` for an
// empty address line, and refusing the order for it would refuse a real address).
import { z } from 'zod';

// PostgreSQL text cannot hold NUL, and a lone surrogate cannot be stored exactly as UTF-8.
// eslint-disable-next-line no-control-regex -- matching NUL is the point.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Something a person can read: not whitespace, a control character or an invisible format
// character (zero-width space, BOM, …).
const VISIBLE = /[^\p{White_Space}\p{Cc}\p{Cf}]/u;

/** True when the text has nothing a person could read: empty, spaces, tabs, zero-width marks. */
export function isBlank(value: string): boolean {
  return !VISIBLE.test(value);
}

export const BLANK_MESSAGE = 'must not be empty or blank';

/** A required string, trimmed, not blank, of at most `max` characters, stored exactly as sent. */
export function storableText(max: number) {
  return (
    z
      .string()
      .trim()
      .max(max, `must be at most ${max} characters`)
      // `abort`: one message per field, and no check across fields runs on a value already refused.
      .refine((value) => !isBlank(value), { message: BLANK_MESSAGE, abort: true })
      .refine((value) => !UNSTORABLE.test(value), {
        message: 'contains a NUL character or a broken Unicode surrogate',
        abort: true,
      })
  );
}

const blankAsAbsent = (value: unknown) =>
  typeof value === 'string' && isBlank(value) ? undefined : value;

/** An optional string: absent, blank (→ absent), or a `storableText(max)`. */
export function optionalText(max: number) {
  return z.preprocess(blankAsAbsent, storableText(max).optional());
}
