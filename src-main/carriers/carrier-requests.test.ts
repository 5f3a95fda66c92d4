// What each adapter sends its carrier: the parties split the way the carrier's API wants them,
// weight and dimensions in its units, options and customs in its fields, the label asked as ZPL.
import { XMLParser } from 'fast-xml-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bpostCredentialsSchema } from '../../shared/carriers/carrier-credentials';
import { bpostOrderXml, createBpost } from './bpost/bpost-shm';
import { parseRetryAfter } from './carrier-http';
import { splitHouseNumber } from './carrier-label-api';
import { makeCarrierRequest } from './carrier-test-fixtures';
import { dhlLabelRequest, dhlParcelCredentialsSchema } from './dhl-parcel/dhl-parcel';
import { postnlLabelRequest, productCode } from './postnl/postnl-labelling';
import {
  optionKey,
  sendcloudAnnounceRequest,
  sendcloudCredentialsSchema,
} from './sendcloud/sendcloud';
import { upsCredentialsSchema, upsShipRequest } from './ups/ups';

const customs = {
  currency: 'EUR',
  lines: [
    {
      description: 'Green tea 100 g',
      quantity: 2,
      weightGrams: 240,
      valueMinor: 1790,
      hsCode: '090210',
      originCountry: 'CN',
    },
  ],
};
const toOslo = {
  shipTo: {
    name: 'Kari Nordmann',
    street: 'Karl Johans gate 22',
    postalCode: '0159',
    city: 'Oslo',
    country: 'NO',
  },
  customs,
};

describe('street and house number', () => {
  it('splits any Dutch-style street line into street, number and addition', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z][a-z]{2,15}( [a-z]{2,8})?$/),
        fc.integer({ min: 1, max: 99999 }),
        fc.option(fc.stringMatching(/^[A-Z]{1,2}$/), { nil: undefined }),
        (street, number, addition) => {
          const line = `${street} ${number}${addition ? `-${addition}` : ''}`;
          expect(splitHouseNumber(line)).toEqual({
            street,
            number: String(number),
            ...(addition ? { addition } : {}),
          });
        },
      ),
    );
  });
  it('takes any Belgian box (bus, bte, boîte, box) as the addition', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z][a-z]{2,15}( [a-z]{2,8})?$/),
        fc.integer({ min: 1, max: 9999 }),
        fc.constantFrom('bus', 'Bus', 'bte', 'boîte', 'box'),
        fc.stringMatching(/^[0-9]{1,3}[A-Z]?$/),
        (street, number, word, box) => {
          expect(splitHouseNumber(`${street} ${number} ${word} ${box}`)).toEqual({
            street,
            number: String(number),
            addition: box,
          });
        },
      ),
    );
  });
  it('keeps a line without a number whole', () => {
    expect(splitHouseNumber('Postbus')).toEqual({ street: 'Postbus', number: '' });
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates, never negative, at most an hour', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (seconds) => {
        expect(parseRetryAfter(String(seconds))).toBe(Math.min(seconds * 1000, 3_600_000));
      }),
    );
    const now = Date.parse('2026-12-03T12:00:00Z');
    expect(parseRetryAfter('Thu, 03 Dec 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Thu, 03 Dec 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('PostNL Labelling v2_2 request', () => {
  const config = {
    baseUrl: 'http://x',
    apiKey: 'k',
    customerCode: 'DEVC',
    customerNumber: '11223344',
    serie: '987000000-987600000',
    timeoutMs: 1000,
  };
  it('asks a 200 dpi ZPL label for the barcode, with the receiver split into street and number', () => {
    const body = postnlLabelRequest(config, makeCarrierRequest(), '3SDEVC987000101');
    expect(body.Message.Printertype).toBe('Zebra|Generic ZPL II 200 dpi');
    const shipment = body.Shipments[0]!;
    expect(shipment.Barcode).toBe('3SDEVC987000101');
    expect(shipment.Addresses[0]).toMatchObject({
      AddressType: '01',
      FirstName: 'Anna',
      Name: 'de Vries',
      Street: 'Oudegracht',
      HouseNr: '158',
      HouseNrExt: 'A',
      Zipcode: '3511AZ',
    });
    expect(shipment.Dimension).toEqual({ Weight: 1250, Length: 300, Width: 200, Height: 100 });
    expect(shipment.ProductCodeDelivery).toBe('3085');
  });
  it('picks the product for signature, age check and GlobalPack with customs outside the EU', () => {
    expect(productCode(makeCarrierRequest({ options: { signature: true } }))).toBe('3189');
    expect(productCode(makeCarrierRequest({ options: { signature: false, ageCheck: 18 } }))).toBe(
      '3437',
    );
    const world = makeCarrierRequest(toOslo);
    expect(productCode(world)).toBe('4945');
    expect(
      postnlLabelRequest(config, world, '3SDEVC987000101').Shipments[0]!.Customs?.Content,
    ).toEqual([
      {
        Description: 'Green tea 100 g',
        Quantity: 2,
        Weight: 240,
        Value: '17.90',
        HSTariffNr: '090210',
        CountryOfOrigin: 'CN',
      },
    ]);
  });
});

describe('DHL Parcel /labels request', () => {
  const creds = dhlParcelCredentialsSchema.parse({
    userId: 'user-000001',
    key: 'key-0000001',
    accountId: '01234567',
  });
  it('sends kilograms, centimetres, the parcel type and the signature option', () => {
    const body = dhlLabelRequest(
      creds,
      makeCarrierRequest({ options: { signature: true, ageCheck: 18 } }),
    );
    expect(body.labelFormat).toBe('zpl');
    expect(body.pieces).toEqual([
      {
        parcelType: 'SMALL',
        quantity: 1,
        weight: 1.25,
        dimensions: { length: 30, width: 20, height: 10 },
      },
    ]);
    expect(body.options).toEqual([{ key: 'DOOR' }, { key: 'HANDT' }, { key: 'AGE_CHECK' }]);
    expect(body.receiver.address).toMatchObject({
      street: 'Oudegracht',
      number: '158',
      addition: 'A',
      postalCode: '3511AZ',
      isBusiness: false,
    });
    expect(body.shipper.name.companyName).toBe('Acme Retail BV');
  });
});

describe('Sendcloud v3 announce request', () => {
  const creds = sendcloudCredentialsSchema.parse({
    publicKey: 'public-0001',
    secretKey: 'secret-0001',
    shippingOptions: { parcel: 'postnl:standard' },
  });
  it('asks ZPL at 203 dpi with the shipping option of the service and customs items per unit', () => {
    const body = sendcloudAnnounceRequest(creds, makeCarrierRequest(toOslo), 'postnl:standard');
    expect(body.label_details).toEqual({ mime_type: 'application/zpl', dpi: 203 });
    expect(body.ship_with.properties.shipping_option_code).toBe('postnl:standard');
    expect(body.parcels[0]!.weight).toEqual({ value: '1.250', unit: 'kg' });
    expect(body.parcels[0]!.parcel_items).toEqual([
      {
        description: 'Green tea 100 g',
        quantity: 2,
        weight: { value: '0.120', unit: 'kg' },
        price: { value: '8.95', currency: 'EUR' },
        hs_code: '090210',
        origin_country: 'CN',
      },
    ]);
    expect(optionKey(makeCarrierRequest({ options: { signature: true, ageCheck: 18 } }))).toBe(
      'parcel+signature+age18',
    );
  });
});

describe('UPS v2409 ship request', () => {
  const creds = upsCredentialsSchema.parse({
    clientId: 'client-0001',
    clientSecret: 'secret-0001',
    shipperNumber: 'A1B2C3',
  });
  it('asks a 4×6 ZPL label, bills the shipper and asks an adult signature for an age check', () => {
    const body = upsShipRequest(
      creds,
      makeCarrierRequest({ options: { signature: false, ageCheck: 18 } }),
    ).ShipmentRequest;
    expect(body.LabelSpecification).toEqual({
      LabelImageFormat: { Code: 'ZPL' },
      LabelStockSize: { Height: '6', Width: '4' },
    });
    expect(body.Shipment.Service.Code).toBe('11');
    expect(body.Shipment.Package[0]).toMatchObject({
      PackageWeight: { Weight: '1.3' },
      PackageServiceOptions: { DeliveryConfirmation: { DCISType: '3' } },
    });
    const world = upsShipRequest(creds, makeCarrierRequest(toOslo)).ShipmentRequest.Shipment;
    expect(world.ShipmentServiceOptions?.InternationalForms.Product[0]).toMatchObject({
      CommodityCode: '090210',
      Unit: { Number: '2', Value: '8.95' },
    });
  });
});

describe('bpost order (Shipping Manager v3.3)', () => {
  const credentials = bpostCredentialsSchema.parse({
    accountId: '107423',
    passphrase: 'bpost-passphrase-01',
  });
  const parse = (xml: string) =>
    new XMLParser({ removeNSPrefix: true, parseTagValue: false }).parse(xml) as {
      order: { accountId: string; reference: string; box: Record<string, unknown> };
    };
  const toGhent = {
    shipTo: {
      name: 'Lotte Peeters',
      street: 'Veldstraat 12 bus 3',
      postalCode: '9000',
      city: 'Gent',
      country: 'BE',
    },
    options: { signature: true },
  };

  it('sends a Belgian parcel as a national atHome box with the SSCC as reference, grams and signature', () => {
    const { order } = parse(bpostOrderXml(credentials, makeCarrierRequest(toGhent)));
    expect(order.accountId).toBe('107423');
    expect(order.reference).toBe('087123450000000012');
    expect(order.box.nationalBox).toMatchObject({
      atHome: {
        product: 'bpack 24h Pro',
        options: { signed: '' },
        weight: '1250',
        receiver: {
          name: 'Lotte Peeters',
          address: { streetName: 'Veldstraat', postalCode: '9000', countryCode: 'BE' },
        },
      },
    });
    expect(order.box.internationalBox).toBeUndefined();
  });

  it('sends a parcel to another EU country as an international box', () => {
    const { order } = parse(bpostOrderXml(credentials, makeCarrierRequest()));
    expect(order.box.nationalBox).toBeUndefined();
    expect(order.box.internationalBox).toMatchObject({
      international: {
        product: 'bpack Europe Business',
        parcelWeight: '1250',
        receiver: { address: { streetName: 'Oudegracht', number: '158', box: 'A' } },
      },
    });
  });

  it('refuses a parcel that needs customs before calling bpost', async () => {
    const adapter = createBpost({ ...credentials, baseUrl: 'http://127.0.0.1:9' });
    await expect(adapter.createShipment(makeCarrierRequest(toOslo))).rejects.toMatchObject({
      kind: 'refused',
      reason: { code: 'carrier_needs_customs', params: { carrier: 'bpost', country: 'NO' } },
    });
  });
});
