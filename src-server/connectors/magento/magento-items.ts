// Adobe Commerce (Magento 2) order items → the lines the warehouse ships, with their money.
//
// What Magento puts where (what this relies on):
// - Every item's money is excluding tax: `row_total` (before discount), `tax_amount` (after
//   discount), `discount_amount`; with discounts on tax-inclusive prices the discount contains tax,
//   `discount_tax_compensation_amount` (grand_total = subtotal + tax + compensation − discount).
// - A configurable product is a parent item (the money) and one simple child (`parent_item_id`,
//   price 0): the child is what ships, under its own SKU even when the parent's differs.
// - A bundle's children ship. With a dynamic price the children are priced ("children
//   calculated") and Magento also writes their sums on the parent, leaving the parent out of the
//   order totals to "avoid double counting" (magento/magento2, Tax/Model/Sales/Total/Quote/
//   CommonTaxCollector.php, mapItems() and processProductItems()); the REST order does not say
//   which kind a bundle is (magento/magento2#11957: the price shows on parent and children). With
//   a fixed price the parent carries the money and the children show 0 (magento/magento2#38687).
//   So: children that carry money the parent only sums are taken as they are; otherwise the
//   parent's money is shared over the children (by their row totals, else their quantities).
// - A child's `qty_ordered` is already multiplied by its parent's (Quote/Model/Quote/Item/
//   ToOrderItem.php: qty × parent qty).
// Whatever the guess, the lines must add up to grand_total or the order is refused.
import { z } from 'zod';
import type { OrderLineInput } from '../../../shared/orders/order-schema';
import { ApiError } from '../../http/api-error';
import { requireMinor } from '../mapping-error';
import { decimalToMinor, decimalToTenThousandths } from '../money';

export const magentoAmount = z.union([z.number(), z.string()]);

export const magentoItemSchema = z.object({
  item_id: z.number().int().nullish(),
  sku: z.string().min(1),
  name: z.string(),
  product_type: z.string().nullish(),
  qty_ordered: z.union([z.number(), z.string().regex(/^\d+(\.0+)?$/, 'must be a whole number')]),
  price: magentoAmount,
  row_total: magentoAmount.nullish(),
  tax_amount: magentoAmount.nullish(),
  tax_percent: magentoAmount.nullish(),
  discount_amount: magentoAmount.nullish(),
  discount_tax_compensation_amount: magentoAmount.nullish(),
  parent_item_id: z.number().int().nullish(),
  parent_item: z.object({ item_id: z.number().int().nullish() }).nullish(),
});
export type MagentoItem = z.infer<typeof magentoItemSchema>;

interface ItemMoney {
  quantity: number;
  unitMinor: number;
  rowTotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  taxRatePercent: number | undefined;
}

const minor = (value: string | number, field: string) =>
  requireMinor('Adobe Commerce', value, field, decimalToMinor);

const refuse = (field: string, message: string) =>
  new ApiError(400, 'validation_failed', `Adobe Commerce ${field} ${message}`, field);

function itemMoney(item: MagentoItem, i: number): ItemMoney {
  const field = `items[${i}]`;
  const quantity = Number(item.qty_ordered);
  if (!Number.isSafeInteger(quantity) || quantity < 1)
    throw refuse(`${field}.qty_ordered`, 'must be a whole number of at least 1');
  const unitMinor = minor(item.price, `${field}.price`);
  const discount =
    item.discount_amount == null ? 0 : minor(item.discount_amount, `${field}.discount_amount`);
  const compensation =
    item.discount_tax_compensation_amount == null
      ? 0
      : minor(item.discount_tax_compensation_amount, `${field}.discount_tax_compensation_amount`);
  if (compensation > discount)
    throw refuse(
      `${field}.discount_tax_compensation_amount`,
      'is more than the discount_amount it is part of',
    );
  let taxRatePercent: number | undefined;
  if (item.tax_percent != null) {
    // Percent with 4 decimals in ten-thousandths is the rate in ppm: 21.0000 → 210000.
    const ppm = decimalToTenThousandths(item.tax_percent);
    if (ppm === null)
      throw refuse(`${field}.tax_percent`, `is not a percentage: "${item.tax_percent}"`);
    taxRatePercent = ppm / 10_000;
  }
  return {
    quantity,
    unitMinor,
    rowTotalMinor:
      item.row_total == null ? unitMinor * quantity : minor(item.row_total, `${field}.row_total`),
    discountMinor: discount - compensation,
    taxMinor: item.tax_amount == null ? 0 : minor(item.tax_amount, `${field}.tax_amount`),
    taxRatePercent,
  };
}

/** Splits `total` over `weights` exactly (largest remainder; equal shares when all weigh 0). */
export function allocate(total: number, weights: readonly number[]): number[] {
  const w = weights.some((x) => x > 0) ? weights.map(BigInt) : weights.map(() => 1n);
  const sum = w.reduce((a, b) => a + b, 0n);
  const exact = w.map((x) => BigInt(total) * x);
  const shares = exact.map((x) => x / sum);
  let rest = total - Number(shares.reduce((a, b) => a + b, 0n));
  const byRemainder = exact
    .map((x, i) => ({ i, remainder: x % sum }))
    .sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  for (const { i } of byRemainder) {
    if (rest === 0) break;
    shares[i]! += 1n;
    rest--;
  }
  return shares.map(Number);
}

const toLine = (item: MagentoItem, money: ItemMoney): OrderLineInput => ({
  sku: item.sku,
  name: item.name,
  quantity: money.quantity,
  unitPriceMinor: money.unitMinor,
  lineTotalMinor: money.rowTotalMinor,
  discountMinor: money.discountMinor,
  taxMinor: money.taxMinor,
  taxRatePercent: money.taxRatePercent,
});

/** The parent's money over its children, which are what ships. */
function sharedLines(
  parent: ItemMoney,
  children: { item: MagentoItem; money: ItemMoney }[],
): OrderLineInput[] {
  const rowWeights = children.map((c) => c.money.rowTotalMinor);
  const weights = rowWeights.some((w) => w > 0)
    ? rowWeights
    : children.map((c) => c.money.quantity);
  const rows = allocate(parent.rowTotalMinor, weights);
  // Shared by the rows, so no child's discount exceeds its row; tax by what is left after it.
  const discounts = allocate(parent.discountMinor, rows);
  const discounted = rows.map((row, k) => row - discounts[k]!);
  const taxes = allocate(parent.taxMinor, discounted.some((d) => d > 0) ? discounted : rows);
  return children.map(({ item, money }, k) => ({
    ...toLine(item, {
      quantity: money.quantity,
      // One child of the parent's quantity (a configurable) keeps the parent's unit price.
      unitMinor:
        children.length === 1 && money.quantity === parent.quantity
          ? parent.unitMinor
          : Math.round(rows[k]! / Math.max(1, money.quantity)),
      rowTotalMinor: rows[k]!,
      discountMinor: discounts[k]!,
      taxMinor: taxes[k]!,
      taxRatePercent: parent.taxRatePercent,
    }),
  }));
}

export function magentoLines(items: readonly MagentoItem[]): OrderLineInput[] {
  const money = items.map(itemMoney);
  const indexById = new Map<number, number>();
  items.forEach((item, i) => {
    if (item.item_id == null) return;
    if (indexById.has(item.item_id))
      throw refuse(`items[${i}].item_id`, `repeats item ${item.item_id}`);
    indexById.set(item.item_id, i);
  });
  const parentOf = items.map((item, i) => {
    const parentId = item.parent_item_id ?? item.parent_item?.item_id;
    if (parentId == null) return null;
    const parent = indexById.get(parentId);
    if (parent === undefined || parent === i)
      throw refuse(`items[${i}].parent_item_id`, `names no other item of this order: ${parentId}`);
    return parent;
  });
  parentOf.forEach((parent, i) => {
    if (parent !== null && parentOf[parent] !== null)
      throw refuse(`items[${i}].parent_item_id`, 'names an item that is itself a child item');
  });
  return items.flatMap((item, i): OrderLineInput[] => {
    if (parentOf[i] !== null) return [];
    const children = items.flatMap((child, j) =>
      parentOf[j] === i ? [{ item: child, money: money[j]! }] : [],
    );
    const own = money[i]!;
    if (children.length === 0) return [toLine(item, own)];
    const childRows = children.reduce((sum, c) => sum + c.money.rowTotalMinor, 0);
    const childrenCarryMoney = children.some(
      (c) => c.money.rowTotalMinor > 0 || c.money.taxMinor > 0 || c.money.discountMinor > 0,
    );
    const childrenCalculated =
      childrenCarryMoney && (own.rowTotalMinor === 0 || own.rowTotalMinor === childRows);
    return childrenCalculated
      ? children.map((c) => toLine(c.item, c.money))
      : sharedLines(own, children);
  });
}
