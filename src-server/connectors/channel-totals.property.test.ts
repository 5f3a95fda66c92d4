// For any order a channel could send — random lines, prices, tax rates, discounts, shipping, taxes
// included or not, and for Adobe Commerce configurables and bundles of either price type — the
// mapped order's parts add up to the channel's grand total to the cent, and a grand total off by
// any amount is refused with that amount named.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { magentoMoneyOf, shopifyMoneyOf } from '../../test/support/connector-money';
import type { MappedMoney } from '../../test/support/connector-money';
import { magentoItem, magentoNlVatOrder } from './magento/magento-order.fixture';
import { shopifyOrderCreated } from './shopify/shopify-order.fixture';

const RUNS = 300;
const rate = fc.constantFrom(0, 5.5, 6, 8.875, 9, 10, 19, 20, 21);
const dec = (minor: number) => (minor / 100).toFixed(2);
/** The channel's own rounding of a tax: nearest cent, give or take one. */
function channelTax(base: number, percent: number, included: boolean, jitter: number) {
  const exact = included ? (base * percent) / (100 + percent) : (base * percent) / 100;
  return Math.min(included ? base : Infinity, Math.max(0, Math.round(exact) + jitter));
}
const part = fc.record({
  quantity: fc.integer({ min: 1, max: 20 }),
  unit: fc.integer({ min: 0, max: 50_000 }),
  rate,
  taxed: fc.boolean(),
  discountShare: fc.double({ min: 0, max: 1, noNaN: true }),
  jitter: fc.integer({ min: -1, max: 1 }),
});
type Part = typeof part extends fc.Arbitrary<infer T> ? T : never;
const perturbation = fc.integer({ min: -300, max: 300 }).filter((d) => d !== 0);

function priced(p: Part, included: boolean) {
  const total = p.unit * p.quantity;
  const discount = Math.floor(total * p.discountShare);
  const tax = p.taxed ? channelTax(total - discount, p.rate, included, p.jitter) : 0;
  return { total, discount, tax };
}

function expectRefusedBy(delta: number, map: () => MappedMoney, field: string) {
  expect(map).toThrow(
    expect.objectContaining({
      statusCode: 422,
      code: 'grand_total_mismatch',
      field,
      message: expect.stringMatching(
        new RegExp(`off by ${dec(Math.abs(delta)).replace('.', '\\.')}\\.$`),
      ),
    }),
  );
}

describe('Shopify totals', () => {
  const order = fc.record({
    included: fc.boolean(),
    lines: fc.array(part, { minLength: 1, maxLength: 6 }),
    shipping: fc.array(
      part.map((p) => ({ ...p, quantity: 1 })),
      { maxLength: 2 },
    ),
    delta: perturbation,
  });

  it('adds up to total_price to the cent, and refuses a perturbed total_price naming the difference', () => {
    fc.assert(
      fc.property(order, ({ included, lines, shipping, delta }) => {
        const taxLine = (p: Part, tax: number) =>
          p.taxed ? [{ price: dec(tax), rate: p.rate / 100, title: 'VAT' }] : [];
        let grand = 0;
        let taxTotal = 0;
        const lineItems = lines.map((p, i) => {
          const { total, discount, tax } = priced(p, included);
          grand += total - discount + (included ? 0 : tax);
          taxTotal += tax;
          return {
            sku: `SKU-${i}`,
            title: `Product ${i}`,
            quantity: p.quantity,
            price: dec(p.unit),
            discount_allocations: discount > 0 ? [{ amount: dec(discount) }] : [],
            tax_lines: taxLine(p, tax),
          };
        });
        const shippingLines = shipping.map((p) => {
          const { total, discount, tax } = priced(p, included);
          grand += total - discount + (included ? 0 : tax);
          taxTotal += tax;
          return {
            price: dec(p.unit),
            discount_allocations: discount > 0 ? [{ amount: dec(discount) }] : [],
            tax_lines: taxLine(p, tax),
          };
        });
        const payload = (totalPrice: number) =>
          shopifyOrderCreated({
            taxes_included: included,
            line_items: lineItems,
            shipping_lines: shippingLines,
            total_tax: dec(taxTotal),
            total_price: dec(totalPrice),
          });
        const { money } = shopifyMoneyOf(payload(grand));
        expect(money.totalMinor).toBe(grand);
        expect(money.taxMinor).toBe(taxTotal);
        const parts = [...money.lines, money.shipping];
        expect(parts.reduce((s, p) => s + p.grossMinor, 0)).toBe(grand);
        expect(parts.every((p) => p.netMinor + p.taxMinor === p.grossMinor)).toBe(true);
        if (grand + delta >= 0)
          expectRefusedBy(delta, () => shopifyMoneyOf(payload(grand + delta)), 'total_price');
      }),
      { numRuns: RUNS },
    );
  });
});

describe('Adobe Commerce totals', () => {
  const product = fc.record({
    kind: fc.constantFrom('simple', 'configurable', 'dynamic', 'fixed'),
    money: part,
    children: fc.array(part, { minLength: 1, maxLength: 3 }),
  });
  const order = fc.record({
    products: fc.array(product, { minLength: 1, maxLength: 4 }),
    shipping: part.map((p) => ({ ...p, quantity: 1 })),
    delta: perturbation,
  });

  it('adds up to grand_total to the cent, whatever the product types, and refuses a perturbed one', () => {
    fc.assert(
      fc.property(order, ({ products, shipping, delta }) => {
        const items: Record<string, unknown>[] = [];
        let nextId = 1;
        let grand = 0;
        let taxTotal = 0;
        const item = (
          sku: string,
          p: Part,
          m: ReturnType<typeof priced>,
          parent: number | null,
        ) => {
          const id = nextId++;
          items.push(
            magentoItem({
              item_id: id,
              sku,
              name: sku,
              product_type: 'simple',
              qty_ordered: p.quantity,
              price: p.unit / 100,
              row_total: m.total / 100,
              tax_percent: p.taxed ? p.rate : 0,
              tax_amount: m.tax / 100,
              discount_amount: m.discount / 100,
              parent_item_id: parent,
            }),
          );
          return id;
        };
        const zero = { total: 0, discount: 0, tax: 0 };
        const count = (m: ReturnType<typeof priced>) => {
          grand += m.total - m.discount + m.tax;
          taxTotal += m.tax;
        };
        products.forEach((prod, k) => {
          const m = priced(prod.money, false);
          if (prod.kind === 'simple') {
            count(m);
            item(`SKU-${k}`, prod.money, m, null);
          } else if (prod.kind === 'configurable' || prod.kind === 'fixed') {
            count(m);
            const parent = item(`PARENT-${k}`, prod.money, m, null);
            items.at(-1)!.product_type = prod.kind === 'fixed' ? 'bundle' : 'configurable';
            const children = prod.kind === 'fixed' ? prod.children : [prod.money];
            children.forEach((c, j) =>
              item(
                `SKU-${k}-${j}`,
                {
                  ...c,
                  unit: 0,
                  quantity: prod.kind === 'fixed' ? c.quantity : prod.money.quantity,
                },
                zero,
                parent,
              ),
            );
          } else {
            // Dynamic bundle: the children are priced; the parent holds their sums.
            const priceds = prod.children.map((c) => priced(c, false));
            const sums = priceds.reduce(
              (s, c) => ({
                total: s.total + c.total,
                discount: s.discount + c.discount,
                tax: s.tax + c.tax,
              }),
              zero,
            );
            const parent = item(
              `KIT-${k}`,
              { ...prod.money, unit: Math.round(sums.total / prod.money.quantity) },
              sums,
              null,
            );
            items.at(-1)!.product_type = 'bundle';
            prod.children.forEach((c, j) => {
              count(priceds[j]!);
              item(`SKU-${k}-${j}`, c, priceds[j]!, parent);
            });
          }
        });
        const ship = priced(shipping, false);
        grand += ship.total - ship.discount + ship.tax;
        taxTotal += ship.tax;
        const payload = (grandTotal: number) =>
          magentoNlVatOrder({
            items,
            shipping_amount: ship.total / 100,
            shipping_discount_amount: ship.discount / 100,
            shipping_tax_amount: ship.tax / 100,
            tax_amount: taxTotal / 100,
            grand_total: grandTotal / 100,
          });
        const { money } = magentoMoneyOf(payload(grand));
        expect(money.totalMinor).toBe(grand);
        expect(money.taxMinor).toBe(taxTotal);
        if (grand + delta >= 0)
          expectRefusedBy(delta, () => magentoMoneyOf(payload(grand + delta)), 'grand_total');
      }),
      { numRuns: RUNS },
    );
  });
});
