// The demo's five sales channels, with API keys and webhook secrets derived from the demo seed so
// they are the same on every developer machine (and can be named in the docs).
import { randomUUID } from 'node:crypto';
import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import { deriveDemoApiKey, hashApiKey } from '../access/api-keys';
import type { ChannelKind, ChannelPlatform, Database } from '../db/schema';

export const DEMO_CHANNELS: readonly {
  code: string;
  name: string;
  kind: ChannelKind;
  platform: ChannelPlatform;
}[] = [
  { code: 'webshop', name: 'Own web shop (Shopify)', kind: 'web_shop', platform: 'shopify' },
  { code: 'marketplace', name: 'Marketplace', kind: 'marketplace', platform: 'canonical' },
  { code: 'social', name: 'Instagram & Facebook shop', kind: 'social_shop', platform: 'canonical' },
  {
    code: 'b2b-portal',
    name: 'B2B portal (Adobe Commerce)',
    kind: 'b2b_portal',
    platform: 'magento',
  },
  { code: 'sales-rep', name: 'Sales-rep order entry', kind: 'sales_rep', platform: 'canonical' },
];

export interface DemoChannelCredentials {
  channel: string;
  apiKey: string;
  webhookSecret: string | null;
}

export function demoWebhookSecret(seed: string, channelCode: string): string {
  return createHmac('sha256', seed).update(`webhook:${channelCode}`).digest('hex');
}

export function demoChannelCredentials(seed: string): DemoChannelCredentials[] {
  return DEMO_CHANNELS.map((channel) => ({
    channel: channel.code,
    apiKey: deriveDemoApiKey(seed, channel.code),
    webhookSecret: channel.platform === 'shopify' ? demoWebhookSecret(seed, channel.code) : null,
  }));
}

export async function insertDemoChannels(
  db: Kysely<Database>,
  seed: string,
): Promise<DemoChannelCredentials[]> {
  const credentials = demoChannelCredentials(seed);
  await db
    .insertInto('channels')
    .values(
      DEMO_CHANNELS.map((channel, i) => ({
        code: channel.code,
        name: channel.name,
        kind: channel.kind,
        platform: channel.platform,
        webhook_secret: credentials[i]!.webhookSecret,
      })),
    )
    .execute();
  await db
    .insertInto('channel_api_keys')
    .values(
      credentials.map((c) => ({
        id: randomUUID(),
        channel_code: c.channel,
        key_hash: hashApiKey(c.apiKey),
        label: 'demo key',
      })),
    )
    .execute();
  return credentials;
}
