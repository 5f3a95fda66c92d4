/**
 * Handlers playing each carrier's label API as its public documentation describes it: the auth
 * it asks, the answer with a tracking number in the carrier's shape and its label (a 4×6 ZPL with
 * the tracking number as Code 128), and its own validation-error shape. A recipient postal code
 * of "0000XX" is refused the way that carrier refuses an address.
 */
import { XMLParser } from 'fast-xml-parser';
import {
  bearer,
  carrierZpl,
  type CarrierHandler,
  type FakeAnswer,
  type FakeRequest,
} from './fake-carrier';

export const FAKE_SECRETS = {
  postnlApiKey: 'sandbox-key-0123456789',
  dhlUserId: 'dhl-user-0001',
  dhlKey: 'dhl-key-000000001',
  sendcloudPublic: 'sc-public-0001',
  sendcloudSecret: 'sc-secret-0001',
  upsClientId: 'ups-client-0001',
  upsSecret: 'ups-secret-0000001',
  dpdDelisId: 'dpd-delis-01',
  dpdPassword: 'dpd-password-01',
  bpostAccountId: '107423',
  bpostPassphrase: 'bpost-passphrase-01',
  glsUser: 'gls-user-01',
  glsPassword: 'gls-password-01',
};

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const notFound: FakeAnswer = { status: 404, body: { message: 'Not found' } };
const INVALID_POSTCODE = '0000XX';

export interface IssuedLabel {
  trackingNumber: string;
  /** The carrier's ZPL label; '' for carriers that label as PDF only. */
  zpl: string;
  /** The carrier's PDF label (base64), for carriers that label as PDF only (bpost). */
  pdf?: string;
}

/** PostNL: Barcode API v1_1 and Labelling API v2_2, `apikey` header. */
export function postnlApi(issued: IssuedLabel[]): CarrierHandler {
  let serial = 987000100;
  return (req) => {
    if (req.headers.apikey !== FAKE_SECRETS.postnlApiKey)
      return {
        status: 401,
        body: {
          fault: { faultstring: 'Invalid ApiKey', detail: { errorcode: 'oauth.v2.InvalidApiKey' } },
        },
      };
    if (req.path === '/shipment/v1_1/barcode')
      return { status: 200, body: { Barcode: `3SDEVC${serial++}` } };
    if (req.path !== '/shipment/v2_2/label' || req.method !== 'POST') return notFound;
    const body = req.json as {
      Shipments?: { Barcode?: string; Addresses?: { Zipcode?: string }[] }[];
    };
    const shipment = body.Shipments?.[0];
    if (shipment?.Addresses?.[0]?.Zipcode === INVALID_POSTCODE)
      return {
        status: 400,
        body: { Errors: [{ Code: '2', Description: 'Zipcode is invalid for Countrycode NL' }] },
      };
    const barcode = shipment?.Barcode ?? '';
    const zpl = carrierZpl('PostNL', barcode);
    issued.push({ trackingNumber: barcode, zpl });
    return {
      status: 200,
      body: {
        MergedLabels: [],
        ResponseShipments: [
          {
            Barcode: barcode,
            Errors: [],
            Warnings: [],
            Labels: [{ Content: b64(zpl), Labeltype: 'Label', OutputType: 'ZPL' }],
          },
        ],
      },
    };
  };
}

/** DHL Parcel (api-gw.dhlparcel.nl): /authenticate/api-key then /labels with a bearer token. */
export function dhlParcelApi(issued: IssuedLabel[]): CarrierHandler {
  let serial = 100;
  const token = 'dhl-access-token-0001';
  return (req) => {
    if (req.path === '/authenticate/api-key') {
      const creds = req.json as { userId?: string; key?: string };
      if (creds.userId !== FAKE_SECRETS.dhlUserId || creds.key !== FAKE_SECRETS.dhlKey)
        return { status: 401, body: { key: 'UNAUTHORIZED', message: 'Invalid userId or key' } };
      return {
        status: 200,
        body: {
          accessToken: token,
          accessTokenExpiration: Math.floor(Date.now() / 1000) + 900,
          refreshToken: 'r',
          accountNumbers: ['01234567'],
        },
      };
    }
    if (req.path !== '/labels' || req.method !== 'POST') return notFound;
    if (bearer(req) !== token)
      return { status: 401, body: { key: 'UNAUTHORIZED', message: 'Token expired' } };
    const body = req.json as { labelId: string; receiver?: { address?: { postalCode?: string } } };
    if (body.receiver?.address?.postalCode === INVALID_POSTCODE)
      return {
        status: 400,
        body: {
          key: 'INVALID_REQUEST',
          message: 'Validation failed',
          details: { 'receiver.address.postalCode': 'invalid postal code' },
        },
      };
    const tracker = `JVGL0600${String(serial++).padStart(10, '0')}`;
    const zpl = carrierZpl('DHL Parcel', tracker);
    issued.push({ trackingNumber: tracker, zpl });
    return {
      status: 200,
      body: {
        labelId: body.labelId,
        trackerCode: tracker,
        parcelType: 'SMALL',
        routingCode: '2LNL',
        zpl: b64(zpl),
      },
    };
  };
}

/** Sendcloud Shipments API v3: Basic auth, POST /api/v3/shipments/announce. */
export function sendcloudApi(issued: IssuedLabel[]): CarrierHandler {
  let serial = 5000;
  const expected = `Basic ${b64(`${FAKE_SECRETS.sendcloudPublic}:${FAKE_SECRETS.sendcloudSecret}`)}`;
  return (req) => {
    if (req.headers.authorization !== expected)
      return {
        status: 401,
        body: {
          errors: [
            { status: '401', code: 'authentication_failed', detail: 'Invalid username/password.' },
          ],
        },
      };
    const cancel = /^\/api\/v3\/shipments\/([^/]+)\/cancel$/.exec(req.path);
    if (cancel)
      return { status: 202, body: { data: { status: 'ANNOUNCED_CANCELLATION_REQUESTED' } } };
    if (req.path !== '/api/v3/shipments/announce' || req.method !== 'POST') return notFound;
    const body = req.json as { to_address?: { postal_code?: string } };
    if (body.to_address?.postal_code === INVALID_POSTCODE)
      return {
        status: 400,
        body: {
          errors: [
            {
              status: '400',
              code: 'validation_error',
              detail: 'Enter a valid postal code.',
              source: { pointer: '/to_address/postal_code' },
            },
          ],
        },
      };
    const id = `shp_${serial++}`;
    const tracking = `3SSCLD${serial}000`;
    const zpl = carrierZpl('Sendcloud PostNL', tracking);
    issued.push({ trackingNumber: tracking, zpl });
    return {
      status: 201,
      body: {
        data: {
          id,
          status: { code: 'ANNOUNCED' },
          parcels: [{ id: serial, tracking_number: tracking, label_file: b64(zpl), documents: [] }],
        },
      },
    };
  };
}

/** UPS: OAuth token, Shipping API v2409 ship and void. */
export function upsApi(issued: IssuedLabel[]): CarrierHandler {
  let serial = 1;
  const token = 'ups-access-token-0001';
  return (req: FakeRequest) => {
    if (req.path === '/security/v1/oauth/token') {
      if (
        req.headers.authorization !==
        `Basic ${b64(`${FAKE_SECRETS.upsClientId}:${FAKE_SECRETS.upsSecret}`)}`
      )
        return {
          status: 401,
          body: { response: { errors: [{ code: '10401', message: 'ClientId is Invalid' }] } },
        };
      return {
        status: 200,
        body: {
          token_type: 'Bearer',
          access_token: token,
          expires_in: '14399',
          status: 'approved',
        },
      };
    }
    if (bearer(req) !== token)
      return {
        status: 401,
        body: {
          response: {
            errors: [{ code: '250002', message: 'Invalid Authentication Information.' }],
          },
        },
      };
    if (req.path.startsWith('/api/shipments/v2409/void/cancel/') && req.method === 'DELETE')
      return {
        status: 200,
        body: { VoidShipmentResponse: { Response: { ResponseStatus: { Code: '1' } } } },
      };
    if (req.path !== '/api/shipments/v2409/ship' || req.method !== 'POST') return notFound;
    const body = req.json as {
      ShipmentRequest?: { Shipment?: { ShipTo?: { Address?: { PostalCode?: string } } } };
    };
    if (body.ShipmentRequest?.Shipment?.ShipTo?.Address?.PostalCode === INVALID_POSTCODE)
      return {
        status: 400,
        body: {
          response: {
            errors: [{ code: '120802', message: 'Address Validation Error on ShipTo address' }],
          },
        },
      };
    const tracking = `1Z999AA1${String(serial++).padStart(10, '0')}`;
    const zpl = carrierZpl('UPS', tracking);
    issued.push({ trackingNumber: tracking, zpl });
    return {
      status: 200,
      body: {
        ShipmentResponse: {
          Response: { ResponseStatus: { Code: '1', Description: 'Success' } },
          ShipmentResults: {
            ShipmentIdentificationNumber: tracking,
            PackageResults: [
              {
                TrackingNumber: tracking,
                ShippingLabel: { ImageFormat: { Code: 'ZPL' }, GraphicImage: b64(zpl) },
              },
            ],
          },
        },
      },
    };
  };
}

/** DPD Shipper Webservice (SOAP): LoginService 2.0 getAuth, ShipmentService 4.4 storeOrders. */
export function dpdApi(issued: IssuedLabel[]): CarrierHandler {
  let serial = 1;
  const token = 'dpd-auth-token-0001';
  const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: false });
  const soap = (status: number, body: string): FakeAnswer => ({
    status,
    contentType: 'text/xml; charset=utf-8',
    body: `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${body}</soap:Body></soap:Envelope>`,
  });
  const authFault = soap(
    500,
    '<soap:Fault><faultcode>soap:Server</faultcode><faultstring>Fault occured</faultstring><detail><ns1:authenticationFault xmlns:ns1="http://dpd.com/common/service/types/Authentication/2.0"><errorCode>LOGIN_5</errorCode><errorMessage>The given DELIS-ID and password do not match.</errorMessage></ns1:authenticationFault></detail></soap:Fault>',
  );
  return (req) => {
    const body = (
      parser.parse(req.body) as {
        Envelope?: {
          Header?: Record<string, Record<string, string>>;
          Body?: Record<string, Record<string, unknown>>;
        };
      }
    ).Envelope;
    if (req.path === '/soap/services/LoginService/V2_0/') {
      const auth = body?.Body?.getAuth as { delisId?: string; password?: string } | undefined;
      if (auth?.delisId !== FAKE_SECRETS.dpdDelisId || auth.password !== FAKE_SECRETS.dpdPassword)
        return authFault;
      const expires = new Date(Date.now() + 86_400_000).toISOString();
      return soap(
        200,
        `<ns2:getAuthResponse xmlns:ns2="http://dpd.com/common/service/types/LoginService/2.0"><return><delisId>${auth.delisId}</delisId><customerUid>${auth.delisId}</customerUid><authToken>${token}</authToken><depot>0522</depot><authTokenExpires>${expires}</authTokenExpires></return></ns2:getAuthResponse>`,
      );
    }
    if (req.path !== '/soap/services/ShipmentService/V4_4/') return notFound;
    if (body?.Header?.authentication?.authToken !== token) return authFault;
    const order = (
      body.Body?.storeOrders as
        { order?: { generalShipmentData?: { recipient?: { zipCode?: string } } } } | undefined
    )?.order;
    const response = (inner: string) =>
      soap(
        200,
        `<ns2:storeOrdersResponse xmlns:ns2="http://dpd.com/common/service/types/ShipmentService/4.4"><orderResult>${inner}</orderResult></ns2:storeOrdersResponse>`,
      );
    if (order?.generalShipmentData?.recipient?.zipCode === INVALID_POSTCODE)
      return response(
        '<shipmentResponses><faults><faultCode>COMMON_7</faultCode><message>Zip code invalid for the country</message></faults></shipmentResponses>',
      );
    const parcel = `0998112233${String(serial++).padStart(4, '0')}`;
    const zpl = carrierZpl('DPD Classic', parcel);
    issued.push({ trackingNumber: parcel, zpl });
    return response(
      `<output><format>ZPL</format><content>${b64(zpl)}</content></output><shipmentResponses><identificationNumber>x</identificationNumber><mpsId>MPS${parcel}</mpsId><parcelInformation><parcelLabelNumber>${parcel}</parcelLabelNumber></parcelInformation></shipmentResponses>`,
    );
  };
}

/** A one-page A6 PDF naming the carrier and the barcode, as a PDF-only carrier sends it. */
export function carrierPdf(carrier: string, barcode: string): string {
  const text = `BT /F1 18 Tf 20 250 Td (${carrier} ${barcode}) Tj ET`;
  return b64(
    [
      '%PDF-1.4',
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
      '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 298 420] /Contents 4 0 R >> endobj',
      `4 0 obj << /Length ${text.length} >> stream`,
      text,
      'endstream endobj',
      'trailer << /Root 1 0 R >>',
      '%%EOF',
    ].join('\n'),
  );
}

/** bpost Shipping Manager API v3: Basic auth, POST /orders (XML), GET /orders/{ref}/labels/A6. */
export function bpostApi(issued: IssuedLabel[]): CarrierHandler {
  let serial = 100;
  const { bpostAccountId: account, bpostPassphrase: passphrase } = FAKE_SECRETS;
  const expected = `Basic ${b64(`${account}:${passphrase}`)}`;
  const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: false });
  const xml = (status: number, body: string): FakeAnswer => ({
    status,
    contentType: 'application/xml',
    body: `<?xml version="1.0" encoding="UTF-8"?>${body}`,
  });
  const orders = new Map<string, string>();
  const prefix = `/services/shm/${account}`;
  return (req) => {
    if (req.headers.authorization !== expected)
      return { status: 401, body: 'Unauthorized', contentType: 'text/plain' };
    if (req.path === `${prefix}/orders` && req.method === 'POST') {
      if (req.headers['content-type'] !== 'application/vnd.bpost.shm-order-v3.3+XML')
        return { status: 415, body: 'Unsupported media type', contentType: 'text/plain' };
      const order = (
        parser.parse(req.body) as {
          order?: {
            reference?: string;
            box?: Record<
              string,
              Record<string, { receiver?: { address?: { postalCode?: string } } }>
            >;
          };
        }
      ).order;
      const box = Object.values(Object.values(order?.box ?? {})[1] ?? {})[0];
      if (box?.receiver?.address?.postalCode === INVALID_POSTCODE)
        return xml(
          400,
          '<invalidSelection xmlns="http://schema.post.be/shm/deepintegration/v3/"><error>Invalid postal code 0000XX for country</error></invalidSelection>',
        );
      if (!order?.reference)
        return xml(400, '<invalidSelection><error>reference missing</error></invalidSelection>');
      orders.set(order.reference, `32320000000${String(serial++).padStart(13, '0')}`);
      return { status: 201, body: '', contentType: 'text/plain' };
    }
    const labels = new RegExp(`^${prefix}/orders/([^/]+)/labels/A6$`).exec(req.path);
    if (labels && req.method === 'GET') {
      const barcode = orders.get(decodeURIComponent(labels[1]!));
      if (!barcode)
        return xml(
          404,
          '<businessException><code>ORDER_NOT_FOUND</code><message>Order not found</message></businessException>',
        );
      const pdf = carrierPdf('bpost', barcode);
      issued.push({ trackingNumber: barcode, zpl: '', pdf });
      return xml(
        200,
        `<labels xmlns="http://schema.post.be/shm/deepintegration/v3/"><label><barcode>${barcode}</barcode><mimeType>application/pdf</mimeType><bytes>${pdf}</bytes></label></labels>`,
      );
    }
    const update = new RegExp(`^${prefix}/orders/([^/]+)$`).exec(req.path);
    if (update && req.method === 'POST' && /<status>CANCELLED<\/status>/.test(req.body))
      return { status: 200, body: '', contentType: 'text/plain' };
    return notFound;
  };
}

/** GLS ShipIT Shipment Processing v1: Basic auth, failures in the `error`/`message` headers. */
export function glsApi(issued: IssuedLabel[]): CarrierHandler {
  let serial = 1000;
  const expected = `Basic ${b64(`${FAKE_SECRETS.glsUser}:${FAKE_SECRETS.glsPassword}`)}`;
  const media = 'application/glsVersion1+json';
  const refused = (status: number, error: string, message: string, args = ''): FakeAnswer => ({
    status,
    body: '',
    contentType: media,
    headers: { error, message, ...(args ? { args } : {}) },
  });
  return (req) => {
    if (req.headers.authorization !== expected)
      return refused(401, 'UNAUTHORIZED', 'Authentication failed');
    if (req.path === '/backend/rs/shipments' && req.method === 'POST') {
      if (req.headers['content-type'] !== media)
        return refused(415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type');
      const body = req.json as {
        Shipment?: { Consignee?: { Address?: { ZIPCode?: string } } };
      };
      if (body.Shipment?.Consignee?.Address?.ZIPCode === INVALID_POSTCODE)
        return refused(400, 'E015', 'Invalid ZIP code', 'Consignee.Address.ZIPCode');
      const track = `ZG${String(serial++).padStart(8, '0')}`;
      const zpl = carrierZpl('GLS BusinessParcel', track);
      issued.push({ trackingNumber: track, zpl });
      return {
        status: 201,
        contentType: media,
        body: {
          CreatedShipment: {
            ShipmentReference: ['x'],
            ParcelData: [{ TrackID: track, ParcelNumber: `0${serial}` }],
            PrintData: [{ Data: b64(zpl), LabelFormat: 'ZEBRA' }],
          },
        },
      };
    }
    if (/^\/backend\/rs\/shipments\/cancel\/[A-Z0-9]+$/.test(req.path) && req.method === 'POST')
      return {
        status: 200,
        contentType: media,
        body: { TrackID: req.path.split('/').pop(), result: 'CANCELLED' },
      };
    if (req.path === '/backend/rs/shipments/endofday' && req.method === 'POST')
      return {
        status: 200,
        contentType: media,
        body: { Shipments: issued.map((l) => ({ ShipmentUnit: [{ TrackID: l.trackingNumber }] })) },
      };
    return notFound;
  };
}
