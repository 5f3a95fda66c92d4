// PostNL's settings at a station, from the environment. All of the API key, customer code and
// customer number, or none: with none the station numbers PostNL cartons as the own carrier and
// says so; a half-filled configuration is a mistake and stops the station at start.
import { z } from 'zod';

export interface PostnlConfig {
  /** https://api.postnl.nl in production, https://api-sandbox.postnl.nl for testing. */
  baseUrl: string;
  apiKey: string;
  /** The "Range" of a 3S barcode: 1 to 4 capital letters PostNL assigned, e.g. "DEVC". */
  customerCode: string;
  customerNumber: string;
  /** Serial range asked for, e.g. "987000000-987600000". */
  serie: string;
  timeoutMs: number;
}

export type PostnlSetting =
  { configured: true; config: PostnlConfig } | { configured: false; reason: string };

const REQUIRED = ['POSTNL_API_KEY', 'POSTNL_CUSTOMER_CODE', 'POSTNL_CUSTOMER_NUMBER'] as const;

const PostnlEnv = z.object({
  POSTNL_API_URL: z
    .url({ protocol: /^https?$/, message: 'POSTNL_API_URL must be an http(s) URL' })
    .default('https://api.postnl.nl'),
  POSTNL_API_KEY: z.string().trim().min(8, 'POSTNL_API_KEY looks too short to be an API key'),
  POSTNL_CUSTOMER_CODE: z
    .string()
    .regex(/^[A-Z]{1,4}$/, 'POSTNL_CUSTOMER_CODE must be 1 to 4 capital letters, e.g. DEVC'),
  POSTNL_CUSTOMER_NUMBER: z
    .string()
    .regex(/^\d{1,8}$/, 'POSTNL_CUSTOMER_NUMBER must be 1 to 8 digits'),
  POSTNL_BARCODE_SERIE: z
    .string()
    .regex(/^\d{7,12}-\d{7,12}$/, 'POSTNL_BARCODE_SERIE must look like 987000000-987600000')
    .optional(),
  POSTNL_TIMEOUT_MS: z.coerce.number().int().min(500).max(30_000).default(5000),
});

/** PostNL's documented default for a 4-letter customer code: a 15-character 3S barcode. */
const DEFAULT_SERIE_FOR_4_LETTER_CODE = '987000000-987600000';

export function loadPostnlSetting(env: NodeJS.ProcessEnv): PostnlSetting {
  const present = REQUIRED.filter((name) => env[name]?.trim());
  if (present.length === 0) {
    return {
      configured: false,
      reason: `PostNL is not configured at this station (${REQUIRED.join(', ')} are unset)`,
    };
  }
  if (present.length < REQUIRED.length) {
    const missing = REQUIRED.filter((name) => !present.includes(name));
    throw new Error(
      `Station configuration: PostNL is half configured: ${missing.join(', ')} missing (set all of ${REQUIRED.join(', ')}, or none)`,
    );
  }
  const parsed = PostnlEnv.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Station configuration: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const code = parsed.data.POSTNL_CUSTOMER_CODE;
  const serie =
    parsed.data.POSTNL_BARCODE_SERIE ?? (code.length === 4 ? DEFAULT_SERIE_FOR_4_LETTER_CODE : '');
  if (!serie) {
    throw new Error(
      'Station configuration: POSTNL_BARCODE_SERIE is required for a customer code shorter than 4 letters (PostNL assigns it)',
    );
  }
  // PostNL refuses a request whose type + range + serie is not 13 or 15 characters long.
  const [from = '', to = ''] = serie.split('-');
  const length = 2 + code.length + from.length;
  if (from.length !== to.length || (length !== 13 && length !== 15)) {
    throw new Error(
      `Station configuration: POSTNL_BARCODE_SERIE: "3S" + "${code}" + a ${from.length}-digit serie makes ${length} characters; PostNL needs 13 or 15, with both ends of the serie equally long`,
    );
  }
  return {
    configured: true,
    config: {
      baseUrl: parsed.data.POSTNL_API_URL.replace(/\/+$/, ''),
      apiKey: parsed.data.POSTNL_API_KEY,
      customerCode: code,
      customerNumber: parsed.data.POSTNL_CUSTOMER_NUMBER,
      serie,
      timeoutMs: parsed.data.POSTNL_TIMEOUT_MS,
    },
  };
}
