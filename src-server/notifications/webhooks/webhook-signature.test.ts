import { describe, expect, it } from 'vitest';
import { signWebhookBody, verifyWebhookSignature } from './webhook-signature';

const body = '{"id":"e1","type":"order.placed"}';

describe('webhook signature', () => {
  it('is accepted by a receiver holding the same secret', () => {
    const header = signWebhookBody('whsec_a', 1_700_000_000, body);
    expect(header).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature('whsec_a', header, body, { nowSeconds: 1_700_000_010 })).toBe(
      true,
    );
  });

  it('is refused with another secret, a changed body or a changed timestamp', () => {
    const header = signWebhookBody('whsec_a', 1_700_000_000, body);
    expect(verifyWebhookSignature('whsec_b', header, body, { nowSeconds: 1_700_000_000 })).toBe(
      false,
    );
    expect(
      verifyWebhookSignature('whsec_a', header, body.replace('placed', 'shipped'), {
        nowSeconds: 1_700_000_000,
      }),
    ).toBe(false);
    expect(
      verifyWebhookSignature('whsec_a', header.replace('t=1700000000', 't=1700000001'), body, {
        nowSeconds: 1_700_000_000,
      }),
    ).toBe(false);
  });

  it('is refused when too old to rule out a replay, or missing', () => {
    const header = signWebhookBody('whsec_a', 1_700_000_000, body);
    expect(verifyWebhookSignature('whsec_a', header, body, { nowSeconds: 1_700_000_301 })).toBe(
      false,
    );
    expect(verifyWebhookSignature('whsec_a', undefined, body)).toBe(false);
  });
});
