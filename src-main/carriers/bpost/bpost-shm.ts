// bpost through its Shipping Manager (SHM) deep-integration API v3: POST /services/shm/{accountId}/
// orders (order v3.3, XML, Basic auth with the account id and passphrase) announces the carton as
// an order with one box, the SSCC as its reference; GET …/orders/{reference}/labels/A6 with the
// label-pdf-v3 type answers the box's barcode with its label. bpost offers labels as PDF or PNG
// only, so its label prints as PDF. A voided label's order is set CANCELLED (orderUpdate v3).
// bpost needs no end-of-day close: parcels handed over are scanned in.
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import type { BpostCredentials } from '../../../shared/carriers/carrier-credentials';
import {
  needsCustoms,
  type CarrierParty,
  type CarrierShipmentRequest,
} from '../../../shared/carriers/carrier-shipment';
import { reason } from '../../../shared/reasons/reason';
import { callCarrier, malformed, type CarrierCall } from '../carrier-http';
import { CarrierApiError, splitHouseNumber, type CarrierLabelApi } from '../carrier-label-api';

export const BPOST = { carrierId: 'bpost', carrierName: 'bpost' } as const;

const NS = {
  tns: 'http://schema.post.be/shm/deepintegration/v3/',
  national: 'http://schema.post.be/shm/deepintegration/v3/national',
  international: 'http://schema.post.be/shm/deepintegration/v3/international',
  common: 'http://schema.post.be/shm/deepintegration/v3/common',
};
const ORDER_TYPE = 'application/vnd.bpost.shm-order-v3.3+XML';
const LABEL_PDF_TYPE = 'application/vnd.bpost.shm-label-pdf-v3+XML';
const ORDER_UPDATE_TYPE = 'application/vnd.bpost.shm-orderUpdate-v3+XML';

const builder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: true });
const parser = new XMLParser({
  removeNSPrefix: true,
  parseTagValue: false,
  isArray: (name) => name === 'label' || name === 'error',
});

function parseXml(text: string): unknown {
  try {
    return parser.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

// <invalidSelection><error>…</error></invalidSelection> or <businessException><code/><message/>.
const BpostFailure = z.union([
  z.object({ invalidSelection: z.object({ error: z.array(z.string()) }) }),
  z.object({
    businessException: z.object({ code: z.string().optional(), message: z.string().optional() }),
  }),
]);

export function describeBpostFailure(text: string): string {
  const parsed = BpostFailure.safeParse(parseXml(text));
  if (!parsed.success) return '';
  if ('invalidSelection' in parsed.data) return parsed.data.invalidSelection.error.join('; ');
  const { code, message } = parsed.data.businessException;
  return [message, code && `code ${code}`].filter(Boolean).join(', ');
}

const LabelsAnswer = z.object({
  labels: z.object({
    label: z
      .array(
        z.object({
          barcode: z.union([z.string(), z.array(z.string())]),
          mimeType: z.literal('application/pdf'),
          bytes: z.string().min(1),
        }),
      )
      .min(1),
  }),
});

function party(p: CarrierParty) {
  const street = splitHouseNumber(p.street);
  return {
    'common:name': p.name.slice(0, 40),
    ...(p.company ? { 'common:company': p.company.slice(0, 40) } : {}),
    'common:address': {
      'common:streetName': street.street.slice(0, 40),
      'common:number': street.number.slice(0, 8),
      ...(street.addition ? { 'common:box': street.addition.slice(0, 8) } : {}),
      'common:postalCode': p.postalCode.slice(0, 8),
      'common:locality': p.city.slice(0, 40),
      'common:countryCode': p.country,
    },
    ...(p.email ? { 'common:emailAddress': p.email.slice(0, 50) } : {}),
    ...(p.phone ? { 'common:phoneNumber': p.phone.slice(0, 20) } : {}),
  };
}

export function bpostOrderXml(credentials: BpostCredentials, request: CarrierShipmentRequest) {
  const { shipFrom, shipTo, options } = request.parcel;
  const receiver = party(shipTo);
  const box =
    shipTo.country === 'BE'
      ? {
          'tns:nationalBox': {
            atHome: {
              product: credentials.product,
              ...(options.signature ? { options: { 'common:signed': '' } } : {}),
              weight: request.weightGrams,
              receiver,
            },
          },
        }
      : {
          'tns:internationalBox': {
            'international:international': {
              'international:product': credentials.internationalProduct,
              'international:receiver': receiver,
              'international:parcelWeight': request.weightGrams,
            },
          },
        };
  return `<?xml version="1.0" encoding="UTF-8"?>${builder.build({
    'tns:order': {
      '@_xmlns': NS.national,
      '@_xmlns:tns': NS.tns,
      '@_xmlns:common': NS.common,
      '@_xmlns:international': NS.international,
      'tns:accountId': credentials.accountId,
      'tns:reference': request.sscc,
      'tns:box': {
        'tns:sender': party(shipFrom),
        ...box,
        'tns:additionalCustomerReference': request.parcel.orderNumber.slice(0, 50),
      },
    },
  })}`;
}

export function createBpost(credentials: BpostCredentials): CarrierLabelApi {
  const base = `${credentials.baseUrl.replace(/\/+$/, '')}/services/shm/${credentials.accountId}`;
  const auth = `Basic ${Buffer.from(`${credentials.accountId}:${credentials.passphrase}`).toString('base64')}`;
  const common: Omit<CarrierCall, 'url'> = {
    ...BPOST,
    headers: { Authorization: auth },
    timeoutMs: credentials.timeoutMs,
    describeFailure: (_json, text) => describeBpostFailure(text),
  };
  const orderUrl = (reference: string) => `${base}/orders/${encodeURIComponent(reference)}`;
  return {
    id: BPOST.carrierId,
    name: BPOST.carrierName,
    apiVersion: 'Shipping Manager API v3 (order v3.3, label-pdf v3)',
    async createShipment(request) {
      const { shipFrom, shipTo } = request.parcel;
      if (needsCustoms(shipFrom.country, shipTo.country))
        throw new CarrierApiError(
          BPOST.carrierId,
          'refused',
          `bpost parcels to ${shipTo.country} need customs data this station does not send bpost yet`,
          reason('carrier_needs_customs', { carrier: 'bpost', country: shipTo.country }),
        );
      await callCarrier({
        ...common,
        method: 'POST',
        url: `${base}/orders`,
        headers: { Authorization: auth, 'Content-Type': ORDER_TYPE },
        body: bpostOrderXml(credentials, request),
      });
      const call = {
        ...common,
        url: `${orderUrl(request.sscc)}/labels/A6`,
        headers: { Authorization: auth, Accept: LABEL_PDF_TYPE },
      };
      const answer = await callCarrier(call);
      const parsed = LabelsAnswer.safeParse(parseXml(answer.text));
      const label = parsed.success ? parsed.data.labels.label[0] : undefined;
      const barcode = label && [label.barcode].flat()[0];
      if (!label || !barcode || !/^[A-Z0-9]{8,40}$/.test(barcode))
        throw malformed(call, 'a barcode and PDF label', answer.text);
      return {
        trackingNumber: barcode,
        carrierShipmentId: request.sscc,
        format: 'pdf',
        payload: label.bytes.replace(/\s+/g, ''),
      };
    },
    async cancelShipment(label) {
      await callCarrier({
        ...common,
        method: 'POST',
        url: orderUrl(label.carrierShipmentId),
        headers: { Authorization: auth, 'Content-Type': ORDER_UPDATE_TYPE },
        body: `<?xml version="1.0" encoding="UTF-8"?>${builder.build({
          orderUpdate: {
            '@_xmlns': NS.tns,
            status: 'CANCELLED',
          },
        })}`,
      });
    },
  };
}
