// PostNL through its Labelling API v2_2 (REST, POST /shipment/v2_2/label?confirm=true): main first
// takes the carton's 3S barcode from the Barcode web service v1_1 (PostNL's label call needs it),
// then asks for the label with the shipment pre-announced (confirmed) in the same call, as ZPL for
// a 203 dpi Zebra ("Zebra|Generic ZPL II 200 dpi"). PostNL bills only parcels it scans, so a voided
// label needs no cancel call, and confirm=true replaces an end-of-day manifest.
import { z } from 'zod';
import {
  needsCustoms,
  type CarrierShipmentRequest,
} from '../../../shared/carriers/carrier-shipment';
import { reason } from '../../../shared/reasons/reason';
import { callCarrier, malformed } from '../carrier-http';
import {
  CarrierApiError,
  splitHouseNumber,
  splitName,
  type CarrierLabelApi,
} from '../carrier-label-api';
import type { PostnlConfig } from './postnl-config';

export const POSTNL = { carrierId: 'postnl', carrierName: 'PostNL' } as const;

/** PostNL product codes (PostNL's "Products" list): standard, with signature, age check 18+. */
const PRODUCT = {
  standard: '3085',
  signature: '3189',
  ageCheck: '3437',
  eu: '4944',
  world: '4945',
};

const LabelAnswer = z.object({
  ResponseShipments: z
    .array(
      z.object({
        Barcode: z.string(),
        Labels: z.array(z.object({ Content: z.string().min(1), OutputType: z.string() })).min(1),
      }),
    )
    .min(1),
});

// 400: {"Errors": [{Code, Description}]} or the older [{ErrorMsg, ErrorNumber}]; gateway faults.
const PostnlFailure = z.object({
  Errors: z
    .array(
      z.object({
        Code: z.coerce.string().optional(),
        Description: z.string().optional(),
        ErrorMsg: z.string().optional(),
      }),
    )
    .optional(),
  errors: z
    .array(z.object({ ErrorMsg: z.string().optional(), ErrorNumber: z.coerce.string().optional() }))
    .optional(),
  fault: z.object({ faultstring: z.string().optional() }).optional(),
});

export function describePostnlFailure(answer: unknown): string {
  const parsed = PostnlFailure.safeParse(answer);
  if (!parsed.success) return '';
  const listed = [
    ...(parsed.data.Errors ?? []).map((e) =>
      [e.Description ?? e.ErrorMsg, e.Code && `code ${e.Code}`].filter(Boolean).join(', '),
    ),
    ...(parsed.data.errors ?? []).map((e) =>
      [e.ErrorMsg, e.ErrorNumber && `error ${e.ErrorNumber}`].filter(Boolean).join(', '),
    ),
  ].filter(Boolean);
  return listed.length > 0 ? listed.join('; ') : (parsed.data.fault?.faultstring ?? '');
}

export function productCode(request: CarrierShipmentRequest): string {
  const { shipFrom, shipTo, options } = request.parcel;
  if (needsCustoms(shipFrom.country, shipTo.country)) return PRODUCT.world;
  if (shipTo.country !== 'NL' && shipTo.country !== 'BE') return PRODUCT.eu;
  if (options.ageCheck) return PRODUCT.ageCheck;
  return options.signature ? PRODUCT.signature : PRODUCT.standard;
}

/** dd-MM-yyyy HH:mm:ss, as PostNL's Message.MessageTimeStamp wants it. */
function postnlTimestamp(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(date.getDate())}-${p(date.getMonth() + 1)}-${date.getFullYear()} ${p(date.getHours())}:${p(date.getMinutes())}:${p(date.getSeconds())}`;
}

export function postnlLabelRequest(
  config: PostnlConfig,
  request: CarrierShipmentRequest,
  barcode: string,
) {
  const { shipFrom, shipTo, dimensionsMm, customs } = request.parcel;
  const from = splitHouseNumber(shipFrom.street);
  const to = splitHouseNumber(shipTo.street);
  const name = splitName(shipTo.name);
  return {
    Customer: {
      CustomerCode: config.customerCode,
      CustomerNumber: config.customerNumber,
      Address: {
        AddressType: '02',
        CompanyName: shipFrom.company ?? shipFrom.name,
        Street: from.street,
        HouseNr: from.number,
        Zipcode: shipFrom.postalCode.replace(/\s+/g, ''),
        City: shipFrom.city,
        Countrycode: shipFrom.country,
      },
    },
    Message: {
      MessageID: request.sscc,
      MessageTimeStamp: postnlTimestamp(new Date()),
      Printertype: 'Zebra|Generic ZPL II 200 dpi',
    },
    Shipments: [
      {
        Addresses: [
          {
            AddressType: '01',
            FirstName: name.first,
            Name: name.last,
            ...(shipTo.company ? { CompanyName: shipTo.company } : {}),
            Street: to.street,
            HouseNr: to.number,
            ...(to.addition ? { HouseNrExt: to.addition } : {}),
            Zipcode: shipTo.postalCode.replace(/\s+/g, ''),
            City: shipTo.city,
            Countrycode: shipTo.country,
            ...(shipTo.region ? { Region: shipTo.region } : {}),
          },
        ],
        Barcode: barcode,
        ...(shipTo.email || shipTo.phone
          ? {
              Contacts: [
                {
                  ContactType: '01',
                  ...(shipTo.email ? { Email: shipTo.email } : {}),
                  ...(shipTo.phone ? { SMSNr: shipTo.phone } : {}),
                },
              ],
            }
          : {}),
        Dimension: {
          Weight: request.weightGrams,
          ...(dimensionsMm
            ? {
                Length: dimensionsMm.length,
                Width: dimensionsMm.width,
                Height: dimensionsMm.height,
              }
            : {}),
        },
        ProductCodeDelivery: productCode(request),
        Reference: request.parcel.orderNumber,
        ...(customs
          ? {
              Customs: {
                ShipmentType: 'Commercial Goods',
                Currency: customs.currency,
                HandleAsNonDeliverable: 'false',
                Invoice: 'false',
                Certificate: 'false',
                License: 'false',
                Content: customs.lines.map((line) => ({
                  Description: line.description,
                  Quantity: line.quantity,
                  Weight: line.weightGrams,
                  Value: (line.valueMinor / 100).toFixed(2),
                  HSTariffNr: line.hsCode,
                  CountryOfOrigin: line.originCountry,
                })),
              },
            }
          : {}),
      },
    ],
  };
}

const BarcodeAnswer = z.object({ Barcode: z.string() });

/** The carton's 3S barcode from the Barcode API v1_1: 3S + the customer code + the serie's digits. */
async function requestBarcode(config: PostnlConfig): Promise<string> {
  const url = new URL(`${config.baseUrl}/shipment/v1_1/barcode`);
  url.search = new URLSearchParams({
    CustomerCode: config.customerCode,
    CustomerNumber: config.customerNumber,
    Type: '3S',
    Serie: config.serie,
  }).toString();
  const call = {
    ...POSTNL,
    url: url.toString(),
    headers: { apikey: config.apiKey },
    timeoutMs: config.timeoutMs,
    describeFailure: describePostnlFailure,
  };
  const answer = await callCarrier(call);
  const parsed = BarcodeAnswer.safeParse(answer.json);
  const barcode = parsed.success ? parsed.data.Barcode : '';
  const digits = barcode.slice(2 + config.customerCode.length);
  const valid =
    barcode.startsWith(`3S${config.customerCode}`) &&
    /^\d+$/.test(digits) &&
    (barcode.length === 13 || barcode.length === 15);
  if (!valid) throw malformed(call, 'a valid 3S barcode', answer.text);
  return barcode;
}

export function createPostnlLabelling(config: PostnlConfig): CarrierLabelApi {
  return {
    id: POSTNL.carrierId,
    name: POSTNL.carrierName,
    apiVersion: 'Labelling API v2_2 (REST) + Barcode API v1_1',
    async createShipment(request) {
      const { shipFrom, shipTo, customs } = request.parcel;
      if (needsCustoms(shipFrom.country, shipTo.country) && !customs)
        throw new CarrierApiError(
          POSTNL.carrierId,
          'refused',
          `PostNL needs customs lines for a parcel to ${shipTo.country}`,
          reason('carrier_needs_customs', { carrier: 'PostNL', country: shipTo.country }),
        );
      const barcode = await requestBarcode(config);
      const call = {
        ...POSTNL,
        url: `${config.baseUrl}/shipment/v2_2/label?confirm=true`,
        headers: { apikey: config.apiKey },
        json: postnlLabelRequest(config, request, barcode),
        timeoutMs: config.timeoutMs,
        describeFailure: describePostnlFailure,
      };
      const answer = await callCarrier(call);
      const parsed = LabelAnswer.safeParse(answer.json);
      const shipment = parsed.success ? parsed.data.ResponseShipments[0] : undefined;
      const label = shipment?.Labels[0];
      if (!shipment || !label || shipment.Barcode !== barcode)
        throw malformed(call, `the label for ${barcode}`, answer.text);
      const zpl = label.OutputType.toUpperCase() === 'ZPL';
      return {
        trackingNumber: barcode,
        carrierShipmentId: barcode,
        format: zpl ? 'zpl' : 'pdf',
        payload: zpl ? Buffer.from(label.Content, 'base64').toString('utf8') : label.Content,
      };
    },
    async cancelShipment() {
      // PostNL charges for a parcel when it is scanned; an unused pre-announced label just expires.
    },
  };
}
