// DHL Parcel Benelux through its parcel API (https://api-gw.dhlparcel.nl): POST
// /authenticate/api-key with the user id and key gives a bearer token (kept until shortly before
// it expires); POST /labels announces one piece and answers its tracker code with the label, asked
// as ZPL. DHL Parcel bills scanned parcels only and needs no end-of-day close; its Benelux network
// carries EU parcels, so a parcel needing customs is refused here rather than at DHL.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  dhlParcelCredentialsSchema,
  type DhlParcelCredentials,
} from '../../../shared/carriers/carrier-credentials';
import {
  needsCustoms,
  type CarrierParty,
  type CarrierShipmentRequest,
} from '../../../shared/carriers/carrier-shipment';
import { reason } from '../../../shared/reasons/reason';
import { callCarrier, malformed, TokenCache } from '../carrier-http';
import {
  CarrierApiError,
  splitHouseNumber,
  splitName,
  type CarrierLabelApi,
} from '../carrier-label-api';

export const DHL_PARCEL = { carrierId: 'dhl-parcel', carrierName: 'DHL Parcel' } as const;

const TokenAnswer = z.object({
  accessToken: z.string().min(10),
  accessTokenExpiration: z.number(),
});
const LabelAnswer = z.object({
  labelId: z.string(),
  trackerCode: z.string().regex(/^[A-Z0-9]{8,40}$/),
  zpl: z.string().min(1).optional(),
  pdf: z.string().min(1).optional(),
});
// {"key": "INVALID_REQUEST", "message": "...", "details": {...}} or a list of field errors.
const DhlFailure = z.object({
  key: z.string().optional(),
  message: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export function describeDhlFailure(answer: unknown): string {
  const parsed = DhlFailure.safeParse(answer);
  if (!parsed.success) return '';
  const details = parsed.data.details
    ? Object.entries(parsed.data.details).map(([k, v]) => `${k}: ${String(v)}`)
    : [];
  return [parsed.data.message, ...details, parsed.data.key].filter(Boolean).join(', ');
}

/** DHL's parcel types by weight (kg): SMALL up to 2, MEDIUM 10, LARGE 20, else XL (31.5). */
export function dhlParcelType(weightGrams: number): string {
  if (weightGrams <= 2000) return 'SMALL';
  if (weightGrams <= 10_000) return 'MEDIUM';
  if (weightGrams <= 20_000) return 'LARGE';
  return 'XL';
}

function dhlParty(party: CarrierParty) {
  const street = splitHouseNumber(party.street);
  const name = splitName(party.name);
  return {
    name: {
      firstName: name.first,
      lastName: name.last,
      ...(party.company ? { companyName: party.company } : {}),
    },
    address: {
      countryCode: party.country,
      postalCode: party.postalCode.replace(/\s+/g, ''),
      city: party.city,
      street: street.street,
      number: street.number,
      ...(street.addition ? { addition: street.addition } : {}),
      isBusiness: Boolean(party.company),
    },
    ...(party.email ? { email: party.email } : {}),
    ...(party.phone ? { phoneNumber: party.phone } : {}),
  };
}

export function dhlLabelRequest(
  credentials: DhlParcelCredentials,
  request: CarrierShipmentRequest,
) {
  const { shipFrom, shipTo, dimensionsMm, options } = request.parcel;
  const parcelType = dhlParcelType(request.weightGrams);
  return {
    labelId: randomUUID(),
    labelFormat: 'zpl',
    orderReference: request.parcel.orderNumber,
    parcelTypeKey: parcelType,
    receiver: dhlParty(shipTo),
    shipper: dhlParty(shipFrom),
    accountId: credentials.accountId,
    // DOOR: delivery at the door; HANDT: signature on delivery; AGE_CHECK: 18+ checked at the door.
    options: [
      { key: 'DOOR' },
      ...(options.signature ? [{ key: 'HANDT' }] : []),
      ...(options.ageCheck ? [{ key: 'AGE_CHECK' }] : []),
    ],
    returnLabel: false,
    pieces: [
      {
        parcelType,
        quantity: 1,
        weight: request.weightGrams / 1000,
        ...(dimensionsMm
          ? {
              dimensions: {
                length: Math.ceil(dimensionsMm.length / 10),
                width: Math.ceil(dimensionsMm.width / 10),
                height: Math.ceil(dimensionsMm.height / 10),
              },
            }
          : {}),
      },
    ],
  };
}

export function createDhlParcel(credentials: DhlParcelCredentials): CarrierLabelApi {
  const base = credentials.baseUrl.replace(/\/+$/, '');
  const common = {
    ...DHL_PARCEL,
    timeoutMs: credentials.timeoutMs,
    describeFailure: describeDhlFailure,
  };
  const tokens = new TokenCache(async () => {
    const call = {
      ...common,
      url: `${base}/authenticate/api-key`,
      json: { userId: credentials.userId, key: credentials.key },
    };
    const answer = await callCarrier(call);
    const parsed = TokenAnswer.safeParse(answer.json);
    if (!parsed.success) throw malformed(call, 'an access token', answer.text);
    return {
      value: parsed.data.accessToken,
      expiresInMs: parsed.data.accessTokenExpiration * 1000 - Date.now(),
    };
  });
  return {
    id: DHL_PARCEL.carrierId,
    name: DHL_PARCEL.carrierName,
    apiVersion: 'DHL Parcel API (api-gw.dhlparcel.nl, /authenticate/api-key + /labels)',
    async createShipment(request) {
      const { shipFrom, shipTo } = request.parcel;
      if (needsCustoms(shipFrom.country, shipTo.country))
        throw new CarrierApiError(
          DHL_PARCEL.carrierId,
          'refused',
          `DHL Parcel Benelux does not carry parcels to ${shipTo.country} (outside the EU)`,
          reason('carrier_does_not_serve', { carrier: 'DHL Parcel', country: shipTo.country }),
        );
      const token = await tokens.get();
      const call = {
        ...common,
        url: `${base}/labels`,
        headers: { Authorization: `Bearer ${token}` },
        json: dhlLabelRequest(credentials, request),
      };
      const answer = await callCarrier(call).catch((err: unknown) => {
        if (err instanceof CarrierApiError && err.kind === 'auth') tokens.forget();
        throw err;
      });
      const parsed = LabelAnswer.safeParse(answer.json);
      const content = parsed.success ? (parsed.data.zpl ?? parsed.data.pdf) : undefined;
      if (!parsed.success || !content)
        throw malformed(call, 'a tracker code and label', answer.text);
      return {
        trackingNumber: parsed.data.trackerCode,
        carrierShipmentId: parsed.data.labelId,
        format: parsed.data.zpl ? 'zpl' : 'pdf',
        payload: parsed.data.zpl
          ? Buffer.from(parsed.data.zpl, 'base64').toString('utf8')
          : content,
      };
    },
    async cancelShipment() {
      // DHL Parcel charges a label when the parcel is scanned; an unused label needs no call.
    },
  };
}

export { dhlParcelCredentialsSchema };
