// UPS through its Shipping API v2409 (REST, OAuth 2 client credentials): POST
// /security/v1/oauth/token gives a bearer token; POST /api/shipments/v2409/ship creates the
// shipment and answers each package's 1Z tracking number with its label, asked as ZPL on 4×6
// stock; DELETE /api/shipments/v2409/void/cancel/{id} voids it. Outside the EU the commercial
// invoice goes as InternationalForms. UPS needs no end-of-day manifest for API shipments.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  upsCredentialsSchema,
  type UpsCredentials,
} from '../../../shared/carriers/carrier-credentials';
import {
  needsCustoms,
  type CarrierParty,
  type CarrierShipmentRequest,
} from '../../../shared/carriers/carrier-shipment';
import { reason } from '../../../shared/reasons/reason';
import { callCarrier, malformed, TokenCache, type CarrierCall } from '../carrier-http';
import { CarrierApiError, type CarrierLabelApi } from '../carrier-label-api';

export const UPS = { carrierId: 'ups', carrierName: 'UPS' } as const;

const TokenAnswer = z.object({
  access_token: z.string().min(10),
  expires_in: z.coerce.number().int().positive(),
});
const ShipAnswer = z.object({
  ShipmentResponse: z.object({
    ShipmentResults: z.object({
      ShipmentIdentificationNumber: z.string(),
      PackageResults: z.union([
        z
          .array(
            z.object({
              TrackingNumber: z.string(),
              ShippingLabel: z.object({
                ImageFormat: z.object({ Code: z.string() }),
                GraphicImage: z.string().min(1),
              }),
            }),
          )
          .min(1),
        z.object({
          TrackingNumber: z.string(),
          ShippingLabel: z.object({
            ImageFormat: z.object({ Code: z.string() }),
            GraphicImage: z.string().min(1),
          }),
        }),
      ]),
    }),
  }),
});
// {"response": {"errors": [{"code": "120100", "message": "Missing or invalid shipper number"}]}}
const UpsFailure = z.object({
  response: z.object({
    errors: z.array(z.object({ code: z.string().optional(), message: z.string().optional() })),
  }),
});

export function describeUpsFailure(answer: unknown): string {
  const parsed = UpsFailure.safeParse(answer);
  if (!parsed.success) return '';
  return parsed.data.response.errors
    .map((e) => [e.message, e.code && `code ${e.code}`].filter(Boolean).join(', '))
    .join('; ');
}

function upsAddress(party: CarrierParty) {
  return {
    AddressLine: [party.street, party.street2].filter((l): l is string => Boolean(l)),
    City: party.city,
    ...(party.region ? { StateProvinceCode: party.region } : {}),
    PostalCode: party.postalCode.replace(/\s+/g, ''),
    CountryCode: party.country,
  };
}

export function upsShipRequest(credentials: UpsCredentials, request: CarrierShipmentRequest) {
  const { shipFrom, shipTo, dimensionsMm, options, customs } = request.parcel;
  const party = (p: CarrierParty) => ({
    Name: (p.company ?? p.name).slice(0, 35),
    AttentionName: p.name.slice(0, 35),
    ...(p.phone ? { Phone: { Number: p.phone.replace(/[^0-9+]/g, '') } } : {}),
    Address: upsAddress(p),
  });
  // DCISType 2: signature required; 3: adult signature (the age check UPS offers).
  const confirmation = options.ageCheck ? '3' : options.signature ? '2' : null;
  return {
    ShipmentRequest: {
      Request: {
        RequestOption: 'nonvalidate',
        TransactionReference: { CustomerContext: request.sscc },
      },
      Shipment: {
        Description: `Order ${request.parcel.orderNumber}`.slice(0, 50),
        Shipper: { ...party(shipFrom), ShipperNumber: credentials.shipperNumber },
        ShipTo: party(shipTo),
        ShipFrom: party(shipFrom),
        PaymentInformation: {
          ShipmentCharge: { Type: '01', BillShipper: { AccountNumber: credentials.shipperNumber } },
        },
        Service: { Code: credentials.serviceCodes[request.service] ?? '11' },
        ReferenceNumber: { Value: request.parcel.orderNumber },
        ...(customs
          ? {
              ShipmentServiceOptions: {
                InternationalForms: {
                  FormType: '01',
                  InvoiceNumber: request.parcel.orderNumber,
                  InvoiceDate: new Date().toISOString().slice(0, 10).replace(/-/g, ''),
                  ReasonForExport: 'SALE',
                  CurrencyCode: customs.currency,
                  Product: customs.lines.map((line) => ({
                    Description: line.description.slice(0, 35),
                    CommodityCode: line.hsCode,
                    OriginCountryCode: line.originCountry,
                    Unit: {
                      Number: String(line.quantity),
                      Value: (line.valueMinor / 100 / line.quantity).toFixed(2),
                      UnitOfMeasurement: { Code: 'PCS' },
                    },
                  })),
                },
              },
            }
          : {}),
        Package: [
          {
            Packaging: { Code: '02' },
            PackageWeight: {
              UnitOfMeasurement: { Code: 'KGS' },
              Weight: (request.weightGrams / 1000).toFixed(1),
            },
            ...(dimensionsMm
              ? {
                  Dimensions: {
                    UnitOfMeasurement: { Code: 'CM' },
                    Length: String(Math.ceil(dimensionsMm.length / 10)),
                    Width: String(Math.ceil(dimensionsMm.width / 10)),
                    Height: String(Math.ceil(dimensionsMm.height / 10)),
                  },
                }
              : {}),
            ...(confirmation
              ? { PackageServiceOptions: { DeliveryConfirmation: { DCISType: confirmation } } }
              : {}),
          },
        ],
      },
      LabelSpecification: {
        LabelImageFormat: { Code: 'ZPL' },
        LabelStockSize: { Height: '6', Width: '4' },
      },
    },
  };
}

export function createUps(credentials: UpsCredentials): CarrierLabelApi {
  const base = credentials.baseUrl.replace(/\/+$/, '');
  const common = { ...UPS, timeoutMs: credentials.timeoutMs, describeFailure: describeUpsFailure };
  const tokens = new TokenCache(async () => {
    const call: CarrierCall = {
      ...common,
      url: `${base}/security/v1/oauth/token`,
      headers: {
        Authorization: `Basic ${Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString('base64')}`,
        'Content-Type': 'application/x-www-form-urlencoded',
        'x-merchant-id': credentials.shipperNumber,
      },
      body: 'grant_type=client_credentials',
    };
    const answer = await callCarrier(call);
    const parsed = TokenAnswer.safeParse(answer.json);
    if (!parsed.success) throw malformed(call, 'an access token', answer.text);
    return { value: parsed.data.access_token, expiresInMs: parsed.data.expires_in * 1000 };
  });
  const authorised = async (call: Omit<CarrierCall, 'headers'>) => {
    const token = await tokens.get();
    return callCarrier({
      ...call,
      headers: {
        Authorization: `Bearer ${token}`,
        transId: randomUUID().slice(0, 32),
        transactionSrc: 'packing-oms',
      },
    }).catch((err: unknown) => {
      if (err instanceof CarrierApiError && err.kind === 'auth') tokens.forget();
      throw err;
    });
  };
  return {
    id: UPS.carrierId,
    name: UPS.carrierName,
    apiVersion: 'Shipping API v2409 (OAuth client credentials)',
    async createShipment(request) {
      const { shipFrom, shipTo, customs } = request.parcel;
      if (needsCustoms(shipFrom.country, shipTo.country) && !customs)
        throw new CarrierApiError(
          UPS.carrierId,
          'refused',
          `UPS needs customs lines for a parcel to ${shipTo.country}`,
          reason('carrier_needs_customs', { carrier: 'UPS', country: shipTo.country }),
        );
      const call = {
        ...common,
        url: `${base}/api/shipments/v2409/ship`,
        json: upsShipRequest(credentials, request),
      };
      const answer = await authorised(call);
      const parsed = ShipAnswer.safeParse(answer.json);
      if (!parsed.success) throw malformed(call, 'a tracking number and label', answer.text);
      const results = parsed.data.ShipmentResponse.ShipmentResults;
      const pkg = Array.isArray(results.PackageResults)
        ? results.PackageResults[0]!
        : results.PackageResults;
      const zpl = pkg.ShippingLabel.ImageFormat.Code.toUpperCase() === 'ZPL';
      if (!/^1Z[A-Z0-9]{16}$/.test(pkg.TrackingNumber))
        throw malformed(call, 'a 1Z tracking number', answer.text);
      return {
        trackingNumber: pkg.TrackingNumber,
        carrierShipmentId: results.ShipmentIdentificationNumber,
        format: zpl ? 'zpl' : 'pdf',
        payload: zpl
          ? Buffer.from(pkg.ShippingLabel.GraphicImage, 'base64').toString('utf8')
          : pkg.ShippingLabel.GraphicImage,
      };
    },
    async cancelShipment(label) {
      await authorised({
        ...common,
        method: 'DELETE',
        url: `${base}/api/shipments/v2409/void/cancel/${encodeURIComponent(label.carrierShipmentId)}`,
      });
    },
  };
}

export { upsCredentialsSchema };
