// Where a customer follows a parcel: each carrier's public tracking page, or the configured
// template (own carrier, unknown carriers) with `{carrier}` and `{tracking}` filled in.

export interface TrackingTarget {
  carrier: string;
  trackingNumber: string;
  postalCode?: string | undefined;
  country?: string | undefined;
}

const CARRIER_NAMES: Record<string, string> = {
  postnl: 'PostNL',
  bpost: 'bpost',
  'dhl-parcel': 'DHL Parcel',
  dpd: 'DPD',
  ups: 'UPS',
};

export function carrierDisplayName(carrier: string, retailerName: string): string {
  return carrier === 'own' ? retailerName : (CARRIER_NAMES[carrier] ?? carrier);
}

export function trackingUrl(target: TrackingTarget, fallbackTemplate: string): string {
  const t = encodeURIComponent(target.trackingNumber);
  const postalCode = encodeURIComponent((target.postalCode ?? '').replace(/\s+/g, ''));
  const country = encodeURIComponent(target.country ?? '');
  switch (target.carrier) {
    case 'postnl':
      return `https://postnl.nl/tracktrace/?B=${t}&P=${postalCode}&D=${country}&T=C`;
    case 'bpost':
      return `https://track.bpost.cloud/btr/web/#/search?itemCode=${t}&postalCode=${postalCode}`;
    case 'dhl-parcel':
      return `https://www.dhl.com/nl-en/home/tracking/tracking-parcel.html?submit=1&tracking-id=${t}`;
    case 'dpd':
      return `https://tracking.dpd.de/status/en_NL/parcel/${t}`;
    case 'ups':
      return `https://www.ups.com/track?tracknum=${t}`;
    default:
      return fallbackTemplate
        .replaceAll('{carrier}', encodeURIComponent(target.carrier))
        .replaceAll('{tracking}', t);
  }
}
