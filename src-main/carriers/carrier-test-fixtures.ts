// Adapters and requests the carrier tests share (test-only; imported by *.test.ts and the
// integration tests). Each carrier's credentials point at a local server playing its API.
import type { CarrierShipmentRequest } from '../../shared/carriers/carrier-shipment';
import { FAKE_SECRETS } from '../../test/support/fake-carriers/carrier-apis';
import type { CarrierLabelApi } from './carrier-label-api';
import {
  bpostCredentialsSchema,
  glsCredentialsSchema,
} from '../../shared/carriers/carrier-credentials';
import { createBpost } from './bpost/bpost-shm';
import { createDhlParcel, dhlParcelCredentialsSchema } from './dhl-parcel/dhl-parcel';
import { createDpdShipper, dpdCredentialsSchema } from './dpd/dpd-shipper';
import { createGls } from './gls/gls-shipit';
import { createPostnlLabelling } from './postnl/postnl-labelling';
import { createSendcloud, sendcloudCredentialsSchema } from './sendcloud/sendcloud';
import { createUps, upsCredentialsSchema } from './ups/ups';

export function makeCarrierRequest(
  overrides: Partial<CarrierShipmentRequest['parcel']> = {},
): CarrierShipmentRequest {
  return {
    sscc: '087123450000000012',
    service: 'parcel',
    weightGrams: 1250,
    parcel: {
      orderNumber: 'W-1001',
      shipFrom: {
        name: 'Tilburg DC',
        company: 'Acme Retail BV',
        street: 'Kraaivenstraat 21',
        postalCode: '5048 AB',
        city: 'Tilburg',
        country: 'NL',
      },
      shipTo: {
        name: 'Anna de Vries',
        street: 'Oudegracht 158-A',
        postalCode: '3511 AZ',
        city: 'Utrecht',
        country: 'NL',
        email: 'anna@example.nl',
      },
      dimensionsMm: { length: 300, width: 200, height: 100 },
      options: { signature: false },
      ...overrides,
    },
  };
}

export type CarrierUnderTest =
  'postnl' | 'dhl-parcel' | 'dpd' | 'bpost' | 'gls' | 'sendcloud' | 'ups';

export function makeAdapter(
  carrier: CarrierUnderTest,
  baseUrl: string,
  options: { wrongSecret?: boolean; timeoutMs?: number } = {},
): CarrierLabelApi {
  const wrong = (secret: string) => (options.wrongSecret ? `${secret}-wrong` : secret);
  const timeoutMs = options.timeoutMs ?? 2000;
  switch (carrier) {
    case 'postnl':
      return createPostnlLabelling({
        baseUrl,
        apiKey: wrong(FAKE_SECRETS.postnlApiKey),
        customerCode: 'DEVC',
        customerNumber: '11223344',
        serie: '987000000-987600000',
        timeoutMs,
      });
    case 'dhl-parcel':
      return createDhlParcel(
        dhlParcelCredentialsSchema.parse({
          baseUrl,
          userId: FAKE_SECRETS.dhlUserId,
          key: wrong(FAKE_SECRETS.dhlKey),
          accountId: '01234567',
          timeoutMs,
        }),
      );
    case 'dpd':
      return createDpdShipper(
        dpdCredentialsSchema.parse({
          baseUrl,
          delisId: FAKE_SECRETS.dpdDelisId,
          password: wrong(FAKE_SECRETS.dpdPassword),
          sendingDepot: '0522',
          timeoutMs,
        }),
      );
    case 'bpost':
      return createBpost(
        bpostCredentialsSchema.parse({
          baseUrl,
          accountId: FAKE_SECRETS.bpostAccountId,
          passphrase: wrong(FAKE_SECRETS.bpostPassphrase),
          timeoutMs,
        }),
      );
    case 'gls':
      return createGls(
        glsCredentialsSchema.parse({
          baseUrl,
          username: FAKE_SECRETS.glsUser,
          password: wrong(FAKE_SECRETS.glsPassword),
          contactId: '528A0B1C2D',
          timeoutMs,
        }),
      );
    case 'sendcloud':
      return createSendcloud(
        sendcloudCredentialsSchema.parse({
          baseUrl,
          publicKey: FAKE_SECRETS.sendcloudPublic,
          secretKey: wrong(FAKE_SECRETS.sendcloudSecret),
          shippingOptions: {
            parcel: 'postnl:standard',
            'parcel+signature': 'postnl:standard/signature',
          },
          timeoutMs,
        }),
      );
    case 'ups':
      return createUps(
        upsCredentialsSchema.parse({
          baseUrl,
          clientId: FAKE_SECRETS.upsClientId,
          clientSecret: wrong(FAKE_SECRETS.upsSecret),
          shipperNumber: 'A1B2C3',
          timeoutMs,
        }),
      );
  }
}
