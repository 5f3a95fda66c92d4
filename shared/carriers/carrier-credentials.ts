// Each carrier's credentials as the back office stores them (encrypted, per warehouse) and the
// station's main process receives them over its station token. One schema per carrier adapter;
// the central OMS validates against the same schema before sealing, so a station never gets a
// set its adapter cannot use.
import { z } from 'zod';

export const postnlCredentialsSchema = z
  .object({
    baseUrl: z.url({ protocol: /^https?$/ }).default('https://api.postnl.nl'),
    apiKey: z.string().trim().min(8, 'apiKey looks too short to be an API key').max(200),
    customerCode: z
      .string()
      .regex(/^[A-Z]{1,4}$/, 'customerCode must be 1 to 4 capital letters, e.g. DEVC'),
    customerNumber: z.string().regex(/^\d{1,8}$/, 'customerNumber must be 1 to 8 digits'),
    serie: z
      .string()
      .regex(/^\d{7,12}-\d{7,12}$/, 'serie must look like 987000000-987600000')
      .default('987000000-987600000'),
    timeoutMs: z.number().int().min(500).max(30_000).default(8000),
  })
  .strict();
export type PostnlCredentials = z.infer<typeof postnlCredentialsSchema>;

export const dhlParcelCredentialsSchema = z
  .object({
    baseUrl: z.url({ protocol: /^https?$/ }).default('https://api-gw.dhlparcel.nl'),
    userId: z.string().min(8).max(80),
    key: z.string().min(8).max(120),
    accountId: z.string().regex(/^\d{5,12}$/, 'accountId must be the DHL account number (digits)'),
    timeoutMs: z.number().int().min(500).max(30_000).default(8000),
  })
  .strict();
export type DhlParcelCredentials = z.infer<typeof dhlParcelCredentialsSchema>;

export const sendcloudCredentialsSchema = z
  .object({
    baseUrl: z.url({ protocol: /^https?$/ }).default('https://panel.sendcloud.sc'),
    publicKey: z.string().min(8).max(120),
    secretKey: z.string().min(8).max(120),
    /**
     * Our service (with "+signature" / "+age18" for options) → Sendcloud shipping option code,
     * e.g. {"parcel": "postnl:standard", "parcel+signature": "postnl:standard/signature"}.
     */
    shippingOptions: z.record(z.string().min(1).max(64), z.string().min(3).max(120)),
    contractId: z.number().int().positive().optional(),
    timeoutMs: z.number().int().min(500).max(30_000).default(10_000),
  })
  .strict();
export type SendcloudCredentials = z.infer<typeof sendcloudCredentialsSchema>;

export const upsCredentialsSchema = z
  .object({
    baseUrl: z.url({ protocol: /^https?$/ }).default('https://onlinetools.ups.com'),
    clientId: z.string().min(8).max(120),
    clientSecret: z.string().min(8).max(200),
    /** The six-character UPS shipper (account) number. */
    shipperNumber: z
      .string()
      .regex(/^[A-Z0-9]{6}$/, 'shipperNumber must be the 6-character UPS account number'),
    /** Our service → UPS service code; UPS Standard (11) when the service is not listed. */
    serviceCodes: z.record(z.string(), z.string().regex(/^\d{2,3}$/)).default({}),
    timeoutMs: z.number().int().min(500).max(30_000).default(10_000),
  })
  .strict();
export type UpsCredentials = z.infer<typeof upsCredentialsSchema>;

export const dpdCredentialsSchema = z
  .object({
    baseUrl: z.url({ protocol: /^https?$/ }).default('https://wsshipper.dpd.nl'),
    delisId: z.string().min(3).max(40),
    password: z.string().min(4).max(120),
    /** The four-digit DPD depot the parcels are handed to. */
    sendingDepot: z.string().regex(/^\d{4}$/, 'sendingDepot must be the 4-digit DPD depot'),
    timeoutMs: z.number().int().min(500).max(30_000).default(10_000),
  })
  .strict();
export type DpdCredentials = z.infer<typeof dpdCredentialsSchema>;

export const bpostCredentialsSchema = z
  .object({
    baseUrl: z.url({ protocol: /^https?$/ }).default('https://api-parcel.bpost.be'),
    /** The Shipping Manager account id (digits), also the Basic auth user. */
    accountId: z.string().regex(/^\d{6,10}$/, 'accountId must be the bpost account id (digits)'),
    passphrase: z.string().min(6).max(120),
    /** The product for parcels within Belgium and for other EU countries (bpost's names). */
    product: z.string().min(3).max(60).default('bpack 24h Pro'),
    internationalProduct: z.string().min(3).max(60).default('bpack Europe Business'),
    timeoutMs: z.number().int().min(500).max(30_000).default(10_000),
  })
  .strict();
export type BpostCredentials = z.infer<typeof bpostCredentialsSchema>;

export const glsCredentialsSchema = z
  .object({
    baseUrl: z.url({ protocol: /^https?$/ }).default('https://shipit-wbm-nl01.gls-group.eu:443'),
    username: z.string().min(3).max(80),
    password: z.string().min(4).max(120),
    /** The shipper's ContactID at GLS (ShipIT). */
    contactId: z.string().regex(/^[0-9A-Za-z]{6,20}$/, 'contactId must be the GLS ContactID'),
    timeoutMs: z.number().int().min(500).max(30_000).default(10_000),
  })
  .strict();
export type GlsCredentials = z.infer<typeof glsCredentialsSchema>;

/** The carriers with a label adapter, and the schema of their credentials. */
export const CARRIER_CREDENTIAL_SCHEMAS = {
  postnl: postnlCredentialsSchema,
  'dhl-parcel': dhlParcelCredentialsSchema,
  dpd: dpdCredentialsSchema,
  bpost: bpostCredentialsSchema,
  gls: glsCredentialsSchema,
  sendcloud: sendcloudCredentialsSchema,
  ups: upsCredentialsSchema,
} as const;
export type LabelCarrier = keyof typeof CARRIER_CREDENTIAL_SCHEMAS;
export const LABEL_CARRIERS = Object.keys(CARRIER_CREDENTIAL_SCHEMAS) as LabelCarrier[];

export function isLabelCarrier(carrier: string): carrier is LabelCarrier {
  return Object.hasOwn(CARRIER_CREDENTIAL_SCHEMAS, carrier);
}

/** What a station receives for one carrier of its warehouse. */
export const stationCarrierSettingSchema = z.object({
  carrier: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/),
  /** Decrypted credentials, validated by the carrier's schema; null when none are stored. */
  credentials: z.record(z.string(), z.unknown()).nullable(),
  /** The back office allowed this carrier's cartons to go as the own carrier when it cannot label. */
  fallbackToOwn: z.boolean(),
});
export type StationCarrierSetting = z.infer<typeof stationCarrierSettingSchema>;
export const stationCarrierSettingsSchema = z.object({
  carriers: z.array(stationCarrierSettingSchema),
});
