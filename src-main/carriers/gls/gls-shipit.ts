// GLS through ShipIT's REST interface, Shipment Processing v1 (media type application/
// glsVersion1+json, Basic auth): POST /backend/rs/shipments creates a one-unit PARCEL shipment and
// answers its TrackID with the label, asked as ZPL (LabelFormat ZEBRA, 203 dpi A6). ShipIT says
// why it refused in the `error` and `message` headers. A voided label's parcel is cancelled with
// POST /backend/rs/shipments/cancel/{TrackID}; GLS needs an end-of-day close (POST
// /backend/rs/shipments/endofday?date=…) before the driver takes the day's parcels.
import { z } from 'zod';
import type { GlsCredentials } from '../../../shared/carriers/carrier-credentials';
import {
  needsCustoms,
  type CarrierParty,
  type CarrierShipmentRequest,
} from '../../../shared/carriers/carrier-shipment';
import { reason } from '../../../shared/reasons/reason';
import { callCarrier, malformed, type CarrierCall } from '../carrier-http';
import { CarrierApiError, splitHouseNumber, type CarrierLabelApi } from '../carrier-label-api';

export const GLS = { carrierId: 'gls', carrierName: 'GLS' } as const;
const MEDIA = 'application/glsVersion1+json';

const CreatedAnswer = z.object({
  CreatedShipment: z.object({
    ParcelData: z.array(z.object({ TrackID: z.string().regex(/^[A-Z0-9]{8,20}$/) })).min(1),
    PrintData: z.array(z.object({ Data: z.string().min(1), LabelFormat: z.string() })).min(1),
  }),
});
const EndOfDayAnswer = z.object({
  Shipments: z.array(z.object({ ShipmentUnit: z.array(z.unknown()).optional() })).default([]),
});

/** ShipIT's failure headers: `error` (a code) and `message`, with `args` naming the fields. */
export function describeGlsFailure(headers: Headers): string {
  const message = headers.get('message');
  const error = headers.get('error');
  const args = headers.get('args');
  return [message, args && `(${args})`, error && `error ${error}`].filter(Boolean).join(', ');
}

function glsAddress(party: CarrierParty) {
  const street = splitHouseNumber(party.street);
  return {
    Name1: (party.company ?? party.name).slice(0, 40),
    ...(party.company ? { Name2: party.name.slice(0, 40) } : {}),
    CountryCode: party.country,
    ZIPCode: party.postalCode.replace(/\s+/g, ''),
    City: party.city.slice(0, 40),
    Street: street.street.slice(0, 40),
    StreetNumber: [street.number, street.addition].filter(Boolean).join(' ').slice(0, 10),
    ...(party.email ? { eMail: party.email } : {}),
    ...(party.phone ? { MobilePhoneNumber: party.phone } : {}),
  };
}

export function glsShipmentRequest(credentials: GlsCredentials, request: CarrierShipmentRequest) {
  const { shipTo, options } = request.parcel;
  return {
    Shipment: {
      ShipmentReference: [request.sscc],
      Product: 'PARCEL',
      Consignee: { Address: glsAddress(shipTo) },
      Shipper: { ContactID: credentials.contactId },
      ShipmentUnit: [
        {
          ShipmentUnitReference: [request.parcel.orderNumber],
          Weight: (request.weightGrams / 1000).toFixed(2),
        },
      ],
      ...(options.signature
        ? { Service: [{ Service: { ServiceName: 'service_addresseeonly' } }] }
        : {}),
    },
    PrintingOptions: { ReturnLabels: { TemplateSet: 'NONE', LabelFormat: 'ZEBRA' } },
  };
}

export function createGls(credentials: GlsCredentials): CarrierLabelApi {
  const base = `${credentials.baseUrl.replace(/\/+$/, '')}/backend/rs`;
  const auth = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
  const common: Omit<CarrierCall, 'url'> = {
    ...GLS,
    headers: { Authorization: auth, Accept: `${MEDIA}, application/json` },
    timeoutMs: credentials.timeoutMs,
    describeFailure: (_json, _text, headers) => describeGlsFailure(headers),
  };
  return {
    id: GLS.carrierId,
    name: GLS.carrierName,
    apiVersion: 'ShipIT REST, Shipment Processing v1 (application/glsVersion1+json)',
    async createShipment(request) {
      const { shipFrom, shipTo } = request.parcel;
      if (needsCustoms(shipFrom.country, shipTo.country))
        throw new CarrierApiError(
          GLS.carrierId,
          'refused',
          `GLS parcels to ${shipTo.country} need customs data this station does not send GLS yet`,
          reason('carrier_needs_customs', { carrier: 'GLS', country: shipTo.country }),
        );
      const call = {
        ...common,
        method: 'POST' as const,
        url: `${base}/shipments`,
        headers: { ...common.headers, 'Content-Type': MEDIA },
        body: JSON.stringify(glsShipmentRequest(credentials, request)),
      };
      const answer = await callCarrier(call);
      const parsed = CreatedAnswer.safeParse(answer.json);
      const print = parsed.success ? parsed.data.CreatedShipment.PrintData[0] : undefined;
      if (!parsed.success || !print || print.LabelFormat.toUpperCase() !== 'ZEBRA')
        throw malformed(call, 'a TrackID and ZPL label', answer.text);
      const trackId = parsed.data.CreatedShipment.ParcelData[0]!.TrackID;
      return {
        trackingNumber: trackId,
        carrierShipmentId: trackId,
        format: 'zpl',
        payload: Buffer.from(print.Data, 'base64').toString('utf8'),
      };
    },
    async cancelShipment(label) {
      await callCarrier({
        ...common,
        method: 'POST',
        url: `${base}/shipments/cancel/${encodeURIComponent(label.carrierShipmentId)}`,
        body: '',
      });
    },
    async closeDay(date) {
      const call = {
        ...common,
        method: 'POST' as const,
        url: `${base}/shipments/endofday?date=${encodeURIComponent(date)}`,
        body: '',
      };
      const answer = await callCarrier(call);
      const parsed = EndOfDayAnswer.safeParse(answer.json ?? {});
      if (!parsed.success) throw malformed(call, 'the closed shipments', answer.text);
      return { shipments: parsed.data.Shipments.length };
    },
  };
}
