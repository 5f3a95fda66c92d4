// How carrier tracking reaches the central OMS: the secrets pushed events are signed with, and
// how often (and how many) shipments not yet delivered are polled at carriers that are polled.
export interface TrackingConfig {
  /** Secret of the generic signed endpoint POST /v1/tracking/events (X-OMS-Signature). */
  webhookSecret: string | undefined;
  /**
   * Sendcloud's "Webhook Signature Key" for integration types that sign with it; API-key
   * integrations sign with the Secret Key stored with each warehouse's Sendcloud credentials.
   */
  sendcloudWebhookSecret: string | undefined;
  /** How often an instance polls; 0 turns polling off. */
  pollIntervalMs: number;
  /** A shipment is asked about again at most this often. */
  pollMinAgeMs: number;
  /** Shipments asked about per poll. */
  pollBatchSize: number;
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number) {
  const raw = env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} is not valid: "${raw}" (a whole number from ${min} to ${max})`);
  return value;
}

export function loadTrackingConfig(env: NodeJS.ProcessEnv): TrackingConfig {
  return {
    webhookSecret: env.TRACKING_WEBHOOK_SECRET || undefined,
    sendcloudWebhookSecret: env.SENDCLOUD_WEBHOOK_SECRET || undefined,
    pollIntervalMs: whole(env, 'TRACKING_POLL_SECONDS', 900, 0, 86_400) * 1000,
    pollMinAgeMs: whole(env, 'TRACKING_POLL_MIN_AGE_SECONDS', 1800, 0, 7 * 86_400) * 1000,
    pollBatchSize: whole(env, 'TRACKING_POLL_BATCH', 50, 1, 1000),
  };
}
