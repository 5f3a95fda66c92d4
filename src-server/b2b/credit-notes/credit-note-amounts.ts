// What a credit note credits, from the invoice and the credit notes already issued against it.
// Amounts are cumulative per invoice line and per VAT rate: crediting Q of a line's N units
// credits ⌊net × Q / N⌋ of its net in total (all of it at Q = N), and a rate's VAT credited so far
// is the engine's line-rounded tax on what was credited (taxAtRate, as the invoice was taxed),
// never more than the invoice's VAT at that rate and exactly it once every line at that rate is
// credited. So credit notes add up to the invoice to the cent, and never beyond it.
import { percentToPpm } from '../../../shared/orders/order-money-schema';
import { taxAtRate } from '../../../shared/tax/tax-amount';
import type { VatCategory } from '../../../shared/tax';
import type { CreditNoteLine, InvoiceLine, VatLine } from '../b2b-schema';

export interface CreditRequestLine {
  sku: string;
  quantity: number;
}

export interface CreditedInvoice {
  lines: readonly InvoiceLine[];
  vat: readonly VatLine[];
}

export interface CreditNoteAmounts {
  lines: CreditNoteLine[];
  vat: VatLine[];
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
}

/** A request that would credit more than was invoiced; `index` is the request line, or null. */
export class OverCreditError extends Error {
  constructor(
    message: string,
    readonly index: number | null,
    readonly sku: string | null,
    /** `not_on_invoice`: the SKU is not an invoice line (422); else more than is left (409). */
    readonly reason: 'over_credit' | 'not_on_invoice' | 'nothing' = 'over_credit',
  ) {
    super(message);
  }
}

const categoryOf = (line: InvoiceLine, invoice: CreditedInvoice): VatCategory =>
  line.vatCategory ?? invoice.vat[0]?.category ?? (invoice.vat[0]?.reverseCharge ? 'K' : 'S');
const rateOf = (line: InvoiceLine, invoice: CreditedInvoice): number =>
  line.vatRatePercent ?? invoice.vat[0]?.ratePercent ?? 0;
const groupKey = (category: string, ratePercent: number) => `${category}:${ratePercent}`;

/** The credited net of `quantity` of a line's units, cumulatively. */
export const creditedNet = (line: InvoiceLine, quantity: number) =>
  quantity >= line.quantity
    ? line.netMinor
    : Math.floor((line.netMinor * quantity) / line.quantity);

/**
 * The credit note for `request` (null: everything not yet credited) against `invoice`, given the
 * lines of the credit notes issued before. Throws OverCreditError when a line asks for more than
 * is left of it, names an SKU not on the invoice, or nothing would be credited.
 */
export function creditNoteAmounts(
  invoice: CreditedInvoice,
  before: readonly CreditNoteLine[],
  request: readonly CreditRequestLine[] | null,
): CreditNoteAmounts {
  const creditedQty = new Map<string, number>();
  for (const l of before) creditedQty.set(l.sku, (creditedQty.get(l.sku) ?? 0) + l.quantity);
  const wanted = new Map<string, number>();
  if (request === null) {
    for (const line of invoice.lines) {
      const left = line.quantity - (creditedQty.get(line.sku) ?? 0);
      if (left > 0) wanted.set(line.sku, left);
    }
    if (wanted.size === 0)
      throw new OverCreditError('The invoice is credited in full already.', null, null);
  } else
    request.forEach((r, index) => {
      const line = invoice.lines.find((l) => l.sku === r.sku);
      if (!line)
        throw new OverCreditError(
          `SKU ${r.sku} is not on the invoice.`,
          index,
          r.sku,
          'not_on_invoice',
        );
      const asked = (wanted.get(r.sku) ?? 0) + r.quantity;
      const left = line.quantity - (creditedQty.get(r.sku) ?? 0);
      if (asked > left)
        throw new OverCreditError(
          `Line ${r.sku}: ${asked} to credit but only ${left} of ${line.quantity} invoiced ${left === 1 ? 'is' : 'are'} not credited yet.`,
          index,
          r.sku,
        );
      wanted.set(r.sku, asked);
    });

  const lines: CreditNoteLine[] = [];
  // Per VAT rate: the invoice's row, its net and tax credited before and after this note.
  const groups = new Map<
    string,
    {
      category: VatCategory;
      ratePercent: number;
      ppm: number;
      taxBefore: number;
      taxAfter: number;
      fullBefore: boolean;
      fullAfter: boolean;
      net: number;
      credited: boolean;
    }
  >();
  for (const line of invoice.lines) {
    const category = categoryOf(line, invoice);
    const ratePercent = rateOf(line, invoice);
    const key = groupKey(category, ratePercent);
    const group = groups.get(key) ?? {
      category,
      ratePercent,
      ppm: percentToPpm(ratePercent),
      taxBefore: 0,
      taxAfter: 0,
      fullBefore: true,
      fullAfter: true,
      net: 0,
      credited: false,
    };
    groups.set(key, group);
    const qBefore = creditedQty.get(line.sku) ?? 0;
    const qAfter = qBefore + (wanted.get(line.sku) ?? 0);
    const netBefore = creditedNet(line, qBefore);
    const netAfter = creditedNet(line, qAfter);
    group.taxBefore += taxAtRate(netBefore, group.ppm, false);
    group.taxAfter += taxAtRate(netAfter, group.ppm, false);
    group.fullBefore &&= qBefore >= line.quantity;
    group.fullAfter &&= qAfter >= line.quantity;
    group.net += netAfter - netBefore;
    group.credited ||= qAfter > qBefore;
    if (qAfter > qBefore)
      lines.push({
        sku: line.sku,
        name: line.name,
        quantity: qAfter - qBefore,
        unitPriceMinor: line.unitPriceMinor,
        netMinor: netAfter - netBefore,
        vatCategory: category,
        vatRatePercent: ratePercent,
      });
  }
  const vat: VatLine[] = [];
  for (const [key, g] of groups) {
    if (!g.credited) continue;
    const invoiced = invoice.vat.find(
      (v) => groupKey(v.category ?? (v.reverseCharge ? 'K' : 'S'), v.ratePercent) === key,
    );
    const cap = invoiced?.taxMinor ?? g.taxAfter;
    const before = g.fullBefore ? cap : Math.min(cap, g.taxBefore);
    const after = g.fullAfter ? cap : Math.min(cap, g.taxAfter);
    vat.push({
      category: g.category,
      ratePercent: g.ratePercent,
      netMinor: g.net,
      taxMinor: after - before,
      reverseCharge: g.category === 'K',
    });
  }
  vat.sort((a, b) => a.ratePercent - b.ratePercent || a.category!.localeCompare(b.category!));
  const netMinor = lines.reduce((s, l) => s + l.netMinor, 0);
  const taxMinor = vat.reduce((s, v) => s + v.taxMinor, 0);
  if (netMinor + taxMinor <= 0)
    throw new OverCreditError(
      'Nothing to credit: the lines asked for are worth nothing.',
      null,
      null,
      'nothing',
    );
  return { lines, vat, netMinor, taxMinor, totalMinor: netMinor + taxMinor };
}
