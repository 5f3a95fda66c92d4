// The shipping method and cost of one fulfillment order: its units are packed into parcels of at
// most PARCEL_MAX_KG and priced with the cheapest service that meets the promised date.
import { chooseShippingService } from '../shipping/choose-service';
import type { ShippingChoice } from '../shipping/choose-service';
import type { Parcel, ShippingService } from '../shipping/rate-table';
import { ApiError } from '../http/api-error';
import type { HolidayTest } from '../shipping/business-days';
import type { ParcelProduct } from './priced-order';

const PARCEL_MAX_KG = 20;

export interface FulfillmentShippingInput {
  fromCountry: string;
  toCountry: string;
  shipDate: string;
  /** The shipping warehouse's public holidays (no parcels collected). */
  isHoliday?: HolidayTest | undefined;
  promisedDeliveryDate: string | null;
  lines: readonly { sku: string; quantity: number }[];
  products: ReadonlyMap<string, ParcelProduct>;
  services: readonly ShippingService[];
}

/** Units go into parcels in line order; each parcel is taken as a cube of its items' volume. */
export function packIntoParcels(
  lines: readonly { sku: string; quantity: number }[],
  products: ReadonlyMap<string, ParcelProduct>,
): Parcel[] {
  const parcels: { grams: number; cm3: number }[] = [];
  let open = { grams: 0, cm3: 0 };
  for (const line of lines) {
    const product = products.get(line.sku);
    if (!product) throw new Error(`no parcel data for ${line.sku}`);
    const cm3 = (product.lengthMm * product.widthMm * product.heightMm) / 1000;
    for (let unit = 0; unit < line.quantity; unit++) {
      if (open.grams > 0 && open.grams + product.weightGrams > PARCEL_MAX_KG * 1000) {
        parcels.push(open);
        open = { grams: 0, cm3: 0 };
      }
      open.grams += product.weightGrams;
      open.cm3 += cm3;
    }
  }
  if (open.grams > 0) parcels.push(open);
  return parcels.map(({ grams, cm3 }) => {
    const side = Math.max(1, Math.round(Math.cbrt(cm3) * 10) / 10);
    return {
      weightKg: grams / 1000,
      dimensions: { lengthCm: side, widthCm: side, heightCm: side },
    };
  });
}

export function chooseFulfillmentShipping(input: FulfillmentShippingInput): ShippingChoice {
  const result = chooseShippingService({
    parcels: packIntoParcels(input.lines, input.products),
    fromCountry: input.fromCountry,
    toCountry: input.toCountry,
    shipDate: input.shipDate,
    isHoliday: input.isHoliday,
    promisedDeliveryDate: input.promisedDeliveryDate,
    services: input.services,
  });
  if (!result.ok) {
    const field = result.code === 'destination_not_covered' ? 'shipTo.country' : 'lines';
    throw new ApiError(422, 'no_shipping_service', result.message, field);
  }
  return result.choice;
}
