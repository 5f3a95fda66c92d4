// DPD through the DPD Shipper Webservice (SOAP; the DPD NL/DE "Web Connect" services): LoginService
// 2.0 getAuth trades the delisId and password for an auth token (valid a day, kept until shortly
// before it expires); ShipmentService 4.4 storeOrders announces one parcel of product CL (Classic)
// and answers its 14-digit parcel label number with the label, asked as ZPL on A6. DPD bills
// scanned parcels and needs no close with this service; parcels needing customs are refused here
// (DPD's international data is not built yet).
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import {
  dpdCredentialsSchema,
  type DpdCredentials,
} from '../../../shared/carriers/carrier-credentials';
import {
  needsCustoms,
  type CarrierParty,
  type CarrierShipmentRequest,
} from '../../../shared/carriers/carrier-shipment';
import { reason } from '../../../shared/reasons/reason';
import { callCarrier, malformed, TokenCache, type CarrierCall } from '../carrier-http';
import { CarrierApiError, splitHouseNumber, type CarrierLabelApi } from '../carrier-label-api';

export const DPD = { carrierId: 'dpd', carrierName: 'DPD' } as const;

const NS = {
  login: 'http://dpd.com/common/service/types/LoginService/2.0',
  shipment: 'http://dpd.com/common/service/types/ShipmentService/4.4',
  auth: 'http://dpd.com/common/service/types/Authentication/2.0',
};
const builder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: true });
// Namespace prefixes dropped: DPD's answers use varying prefixes for the same elements.
const parser = new XMLParser({
  removeNSPrefix: true,
  parseTagValue: false,
  isArray: (name) => name === 'faults',
});

function envelope(header: unknown, body: unknown): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${builder.build({
    'soapenv:Envelope': {
      '@_xmlns:soapenv': 'http://schemas.xmlsoap.org/soap/envelope/',
      'soapenv:Header': header,
      'soapenv:Body': body,
    },
  })}`;
}

export function parseSoap(text: string): unknown {
  try {
    return (parser.parse(text) as { Envelope?: { Body?: unknown } }).Envelope?.Body;
  } catch {
    return undefined;
  }
}

const SoapFault = z.object({
  Fault: z.object({
    faultstring: z.string().optional(),
    detail: z
      .record(
        z.string(),
        z.object({ errorCode: z.string().optional(), errorMessage: z.string().optional() }),
      )
      .optional(),
  }),
});

export function describeDpdFault(text: string): string {
  const parsed = SoapFault.safeParse(parseSoap(text));
  if (!parsed.success) return '';
  const details = Object.values(parsed.data.Fault.detail ?? {}).map((d) =>
    [d.errorMessage, d.errorCode && `error ${d.errorCode}`].filter(Boolean).join(', '),
  );
  return details.filter(Boolean).join('; ') || (parsed.data.Fault.faultstring ?? '');
}

const LoginAnswer = z.object({
  getAuthResponse: z.object({
    return: z.object({ authToken: z.string().min(8), authTokenExpires: z.string() }),
  }),
});
const StoreAnswer = z.object({
  storeOrdersResponse: z.object({
    orderResult: z.object({
      output: z.object({ format: z.string(), content: z.string().min(1) }).optional(),
      shipmentResponses: z.object({
        mpsId: z.string().optional(),
        parcelInformation: z.object({ parcelLabelNumber: z.string().regex(/^\d{14}$/) }).optional(),
        faults: z
          .array(z.object({ faultCode: z.string().optional(), message: z.string().optional() }))
          .optional(),
      }),
    }),
  }),
});

function dpdAddress(party: CarrierParty) {
  const street = splitHouseNumber(party.street);
  return {
    name1: (party.company ?? party.name).slice(0, 35),
    ...(party.company ? { name2: party.name.slice(0, 35) } : {}),
    street: street.street.slice(0, 35),
    houseNo: [street.number, street.addition].filter(Boolean).join(' '),
    country: party.country,
    zipCode: party.postalCode.replace(/\s+/g, ''),
    city: party.city.slice(0, 35),
    ...(party.email ? { email: party.email } : {}),
    ...(party.phone ? { phone: party.phone } : {}),
  };
}

export function dpdStoreOrdersBody(credentials: DpdCredentials, request: CarrierShipmentRequest) {
  const { shipFrom, shipTo, dimensionsMm } = request.parcel;
  return {
    'ns:storeOrders': {
      '@_xmlns:ns': NS.shipment,
      printOptions: { printOption: { outputFormat: 'ZPL', paperFormat: 'A6' } },
      order: {
        generalShipmentData: {
          identificationNumber: request.sscc,
          sendingDepot: credentials.sendingDepot,
          product: 'CL',
          sender: dpdAddress(shipFrom),
          recipient: dpdAddress(shipTo),
        },
        parcels: {
          customerReferenceNumber1: request.parcel.orderNumber,
          // DPD weighs in decagrams; volume as LLLWWWHHH centimetres.
          weight: Math.max(1, Math.ceil(request.weightGrams / 10)),
          ...(dimensionsMm
            ? {
                volume: [dimensionsMm.length, dimensionsMm.width, dimensionsMm.height]
                  .map((mm) => String(Math.min(999, Math.ceil(mm / 10))).padStart(3, '0'))
                  .join(''),
              }
            : {}),
        },
        productAndServiceData: { orderType: 'consignment' },
      },
    },
  };
}

export function createDpdShipper(credentials: DpdCredentials): CarrierLabelApi {
  const base = credentials.baseUrl.replace(/\/+$/, '');
  const common: Omit<CarrierCall, 'url'> = {
    ...DPD,
    timeoutMs: credentials.timeoutMs,
    headers: { 'Content-Type': 'text/xml; charset=utf-8', Accept: 'text/xml' },
    describeFailure: (_json, text) => describeDpdFault(text),
    // SOAP faults come as HTTP 500; DPD's authentication fault is a refused login.
    classifyFailure: (_status, text) =>
      /authenticationFault|LOGIN_\d/.test(text) ? 'auth' : undefined,
  };
  const tokens = new TokenCache(async () => {
    const call = {
      ...common,
      url: `${base}/soap/services/LoginService/V2_0/`,
      body: envelope('', {
        'ns:getAuth': {
          '@_xmlns:ns': NS.login,
          delisId: credentials.delisId,
          password: credentials.password,
          messageLanguage: 'nl_NL',
        },
      }),
    };
    const answer = await callCarrier(call);
    const parsed = LoginAnswer.safeParse(parseSoap(answer.text));
    if (!parsed.success) throw malformed(call, 'an auth token', answer.text);
    const expires = Date.parse(parsed.data.getAuthResponse.return.authTokenExpires);
    return {
      value: parsed.data.getAuthResponse.return.authToken,
      expiresInMs: Number.isFinite(expires) ? expires - Date.now() : 3_600_000,
    };
  });
  return {
    id: DPD.carrierId,
    name: DPD.carrierName,
    apiVersion: 'Shipper Webservice: LoginService 2.0 + ShipmentService 4.4 (SOAP)',
    async createShipment(request) {
      const { shipFrom, shipTo } = request.parcel;
      if (needsCustoms(shipFrom.country, shipTo.country))
        throw new CarrierApiError(
          DPD.carrierId,
          'refused',
          `DPD parcels to ${shipTo.country} need customs data this station does not send DPD yet`,
          reason('carrier_needs_customs', { carrier: 'DPD', country: shipTo.country }),
        );
      const token = await tokens.get();
      const header = {
        'auth:authentication': {
          '@_xmlns:auth': NS.auth,
          delisId: credentials.delisId,
          authToken: token,
          messageLanguage: 'nl_NL',
        },
      };
      const call = {
        ...common,
        url: `${base}/soap/services/ShipmentService/V4_4/`,
        body: envelope(header, dpdStoreOrdersBody(credentials, request)),
      };
      const answer = await callCarrier(call).catch((err: unknown) => {
        if (err instanceof CarrierApiError && err.kind === 'auth') tokens.forget();
        throw err;
      });
      const parsed = StoreAnswer.safeParse(parseSoap(answer.text));
      if (!parsed.success) throw malformed(call, 'a parcel label number and label', answer.text);
      const result = parsed.data.storeOrdersResponse.orderResult;
      const faults = result.shipmentResponses.faults ?? [];
      if (faults.length > 0) {
        const detail = faults
          .map((f) => [f.message, f.faultCode && `fault ${f.faultCode}`].filter(Boolean).join(', '))
          .join('; ');
        throw new CarrierApiError(
          DPD.carrierId,
          'refused',
          `DPD refused the shipment: ${detail}`,
          reason('carrier_request_refused', { carrier: 'DPD', detail }),
        );
      }
      const parcelNumber = result.shipmentResponses.parcelInformation?.parcelLabelNumber;
      if (!parcelNumber || !result.output)
        throw malformed(call, 'a parcel label number and label', answer.text);
      const zpl = result.output.format.toUpperCase() === 'ZPL';
      return {
        trackingNumber: parcelNumber,
        carrierShipmentId: result.shipmentResponses.mpsId ?? parcelNumber,
        format: zpl ? 'zpl' : 'pdf',
        payload: zpl
          ? Buffer.from(result.output.content, 'base64').toString('utf8')
          : result.output.content,
      };
    },
    async cancelShipment() {
      // The Shipper Webservice has no cancel; DPD bills parcels it scans, an unused label expires.
    },
  };
}

export { dpdCredentialsSchema };
