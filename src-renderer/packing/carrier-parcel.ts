// The facts a carrier's label API needs about one carton, from the fulfillment the station holds:
// both addresses, the order number, and for goods leaving the EU the customs lines (description,
// quantity, weight and value from the order, HS code and origin from the product). Main turns
// them into each carrier's request; a carrier that needs more refuses with its own message.
import type { CarrierParcel, CarrierParty } from '../../shared/carriers/carrier-shipment';
import { carrierParcelSchema, needsCustoms } from '../../shared/carriers/carrier-shipment';
import type { Address, Carton, FulfillmentDoc } from '../../shared/sync/documents';

export interface CustomsFacts {
  hsCode: string | null;
  originCountry: string | null;
}

function party(a: Address): CarrierParty {
  const optional = (v: string | null) => (v && v.trim() ? v.trim() : undefined);
  const email = optional(a.email);
  const phone = optional(a.phone);
  return {
    name: a.name.trim() || '-',
    company: optional(a.company),
    street: a.line1.trim() || '-',
    street2: optional(a.line2),
    postalCode: a.postalCode.trim() || '-',
    city: a.city.trim() || '-',
    region: optional(a.region),
    country: a.country.toUpperCase(),
    ...(email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? { email } : {}),
    ...(phone && /^\+?[0-9 ()-]{6,20}$/.test(phone) ? { phone } : {}),
  };
}

/** The parcel of each carton; undefined when the fulfillment's data does not make a valid one. */
export function carrierParcelFor(
  fulfillment: FulfillmentDoc,
  products: ReadonlyMap<string, CustomsFacts> = new Map(),
): (carton: Carton) => CarrierParcel | undefined {
  const lines = new Map(fulfillment.lines.map((l) => [l.lineId, l]));
  const customsNeeded = needsCustoms(
    fulfillment.shipFrom.country.toUpperCase(),
    fulfillment.shipTo.country.toUpperCase(),
  );
  return (carton) => {
    const customsLines = carton.items.map((item) => {
      const line = lines.get(item.lineId);
      const product = products.get(item.sku);
      return {
        description: (line?.name ?? item.sku).slice(0, 60),
        quantity: item.quantity,
        weightGrams: Math.max(1, (line?.unitWeightGrams ?? 0) * item.quantity),
        valueMinor: (line?.unitPriceCents ?? 0) * item.quantity,
        hsCode: product?.hsCode ?? '',
        originCountry: product?.originCountry ?? '',
      };
    });
    const parsed = carrierParcelSchema.safeParse({
      orderNumber: fulfillment.orderNumber.slice(0, 35),
      shipFrom: party(fulfillment.shipFrom),
      shipTo: party(fulfillment.shipTo),
      options: { signature: false },
      ...(customsNeeded
        ? { customs: { currency: fulfillment.currency, lines: customsLines } }
        : {}),
    });
    return parsed.success ? parsed.data : undefined;
  };
}
