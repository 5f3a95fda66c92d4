// Sendcloud through its Shipments API v3: POST /api/v3/shipments/announce creates and announces a
// single-parcel shipment synchronously with the contracted carrier the shipping option names, and
// answers the parcel's tracking number with its label (asked as ZPL at 203 dpi). Basic auth with
// the integration's public and secret key. A voided label is cancelled with POST
// /api/v3/shipments/{id}/cancel (Sendcloud invoices shipments not cancelled in time).
import { z } from 'zod';
import {
  sendcloudCredentialsSchema,
  type SendcloudCredentials,
} from '../../../shared/carriers/carrier-credentials';
import {
  needsCustoms,
  type CarrierParty,
  type CarrierShipmentRequest,
} from '../../../shared/carriers/carrier-shipment';
import { reason } from '../../../shared/reasons/reason';
import { callCarrier, malformed, type CarrierCall } from '../carrier-http';
import { CarrierApiError, splitHouseNumber, type CarrierLabelApi } from '../carrier-label-api';

export const SENDCLOUD = { carrierId: 'sendcloud', carrierName: 'Sendcloud' } as const;

const AnnounceAnswer = z.object({
  data: z.object({
    id: z.union([z.string(), z.number()]).transform(String),
    parcels: z
      .array(
        z.object({
          tracking_number: z.string().regex(/^[A-Z0-9]{8,40}$/),
          label_file: z.string().min(1).optional(),
        }),
      )
      .min(1),
  }),
});
// {"errors": [{"status": "400", "code": "validation_error", "detail": "...", "source": {"pointer": "/to_address/postal_code"}}]}
const SendcloudFailure = z.object({
  errors: z.array(
    z.object({
      code: z.string().optional(),
      detail: z.string().optional(),
      source: z.object({ pointer: z.string().optional() }).optional(),
    }),
  ),
});

export function describeSendcloudFailure(answer: unknown): string {
  const parsed = SendcloudFailure.safeParse(answer);
  if (!parsed.success) return '';
  return parsed.data.errors
    .map((e) => [e.source?.pointer, e.detail ?? e.code].filter(Boolean).join(': '))
    .filter(Boolean)
    .join('; ');
}

export function optionKey(request: CarrierShipmentRequest): string {
  const { options } = request.parcel;
  return [request.service, options.signature ? 'signature' : '', options.ageCheck ? 'age18' : '']
    .filter(Boolean)
    .join('+');
}

function sendcloudAddress(party: CarrierParty) {
  const street = splitHouseNumber(party.street);
  return {
    name: party.name,
    ...(party.company ? { company_name: party.company } : {}),
    address_line_1: street.street,
    house_number: [street.number, street.addition].filter(Boolean).join(''),
    ...(party.street2 ? { address_line_2: party.street2 } : {}),
    postal_code: party.postalCode,
    city: party.city,
    country_code: party.country,
    ...(party.region ? { state_province_code: party.region } : {}),
    ...(party.email ? { email: party.email } : {}),
    ...(party.phone ? { phone_number: party.phone } : {}),
  };
}

const kg = (grams: number) => ({ value: (grams / 1000).toFixed(3), unit: 'kg' });

export function sendcloudAnnounceRequest(
  credentials: SendcloudCredentials,
  request: CarrierShipmentRequest,
  optionCode: string,
) {
  const { shipFrom, shipTo, dimensionsMm, customs } = request.parcel;
  const cm = (mm: number) => (mm / 10).toFixed(2);
  return {
    label_details: { mime_type: 'application/zpl', dpi: 203 },
    to_address: sendcloudAddress(shipTo),
    from_address: sendcloudAddress(shipFrom),
    ship_with: {
      type: 'shipping_option_code',
      properties: {
        shipping_option_code: optionCode,
        ...(credentials.contractId ? { contract_id: credentials.contractId } : {}),
      },
    },
    order_number: request.parcel.orderNumber,
    external_reference_id: request.sscc,
    ...(customs
      ? {
          customs_information: {
            invoice_number: request.parcel.orderNumber,
            export_reason: 'commercial_goods',
          },
        }
      : {}),
    parcels: [
      {
        weight: kg(request.weightGrams),
        ...(dimensionsMm
          ? {
              dimensions: {
                length: cm(dimensionsMm.length),
                width: cm(dimensionsMm.width),
                height: cm(dimensionsMm.height),
                unit: 'cm',
              },
            }
          : {}),
        ...(customs
          ? {
              parcel_items: customs.lines.map((line) => ({
                description: line.description,
                quantity: line.quantity,
                weight: kg(line.weightGrams / line.quantity),
                price: {
                  value: (line.valueMinor / 100 / line.quantity).toFixed(2),
                  currency: customs.currency,
                },
                hs_code: line.hsCode,
                origin_country: line.originCountry,
              })),
            }
          : {}),
      },
    ],
  };
}

export function createSendcloud(credentials: SendcloudCredentials): CarrierLabelApi {
  const base = credentials.baseUrl.replace(/\/+$/, '');
  const auth = `Basic ${Buffer.from(`${credentials.publicKey}:${credentials.secretKey}`).toString('base64')}`;
  const common: Omit<CarrierCall, 'url'> = {
    ...SENDCLOUD,
    headers: { Authorization: auth },
    timeoutMs: credentials.timeoutMs,
    describeFailure: describeSendcloudFailure,
  };
  return {
    id: SENDCLOUD.carrierId,
    name: SENDCLOUD.carrierName,
    apiVersion: 'Shipments API v3 (POST /api/v3/shipments/announce)',
    async createShipment(request) {
      const key = optionKey(request);
      const optionCode = credentials.shippingOptions[key];
      if (!optionCode)
        throw new CarrierApiError(
          SENDCLOUD.carrierId,
          'refused',
          `Sendcloud has no shipping option set for "${key}"; add it to the Sendcloud credentials in the back office`,
          reason('carrier_no_shipping_option', { carrier: 'Sendcloud', service: key }),
        );
      const { shipFrom, shipTo, customs } = request.parcel;
      if (needsCustoms(shipFrom.country, shipTo.country) && !customs)
        throw new CarrierApiError(
          SENDCLOUD.carrierId,
          'refused',
          `Sendcloud needs customs lines for a parcel to ${shipTo.country}`,
          reason('carrier_needs_customs', { carrier: 'Sendcloud', country: shipTo.country }),
        );
      const call = {
        ...common,
        url: `${base}/api/v3/shipments/announce`,
        json: sendcloudAnnounceRequest(credentials, request, optionCode),
      };
      const answer = await callCarrier(call);
      const parsed = AnnounceAnswer.safeParse(answer.json);
      const parcel = parsed.success ? parsed.data.data.parcels[0] : undefined;
      if (!parsed.success || !parcel?.label_file)
        throw malformed(call, 'a tracking number and label', answer.text);
      return {
        trackingNumber: parcel.tracking_number,
        carrierShipmentId: parsed.data.data.id,
        format: 'zpl',
        payload: Buffer.from(parcel.label_file, 'base64').toString('utf8'),
      };
    },
    async cancelShipment(label) {
      await callCarrier({
        ...common,
        method: 'POST',
        url: `${base}/api/v3/shipments/${encodeURIComponent(label.carrierShipmentId)}/cancel`,
        body: '',
      });
    },
  };
}

export { sendcloudCredentialsSchema };
