// Carrier codes as packers and back-office people know them ("dhl-parcel" → DHL Parcel).

const CARRIER_NAMES: Record<string, string> = {
  postnl: 'PostNL',
  'dhl-parcel': 'DHL Parcel',
  dpd: 'DPD',
  ups: 'UPS',
  bpost: 'bpost',
  gls: 'GLS',
  sendcloud: 'Sendcloud',
};

/** The carrier's name; a code without one is shown as it is. */
export function carrierName(carrier: string): string {
  return Object.hasOwn(CARRIER_NAMES, carrier) ? CARRIER_NAMES[carrier]! : carrier;
}
