import { formatAddressLines } from './address-format';
import { formatAmount, paginate } from './label-format';
import type { PackingSlipData } from './label-data';
import {
  formatRate,
  packingSlipTotals,
  packingSlipVatMention,
  packingSlipVatRows,
} from './packing-slip-money';
import { LABEL_WORDS, type LabelLocale } from './label-words';
import { LABEL_LAYOUT_WIDTH, ZplLabel, wrapText, type LabelDpi } from './zpl-builder';

const MARGIN = 20;
const FULL_WIDTH = LABEL_LAYOUT_WIDTH - 2 * MARGIN;
const LINES_PER_LABEL = 9;
const LINE_PITCH = 62;
const LINES_TOP = 548;
const FOOTER_TOP = 1110;
const TOTALS_PITCH = 28;
const MENTION_HEIGHT = 18;
/** ZplLabel.lines' pitch for that height. */
const MENTION_PITCH = Math.round(MENTION_HEIGHT * 1.2);
/** The left edges of the VAT breakdown's columns: rate, net, VAT, gross. */
const BREAKDOWN_LEFTS = [MARGIN, 200, 400, 600];

/**
 * Packing slip on 4×6 labels, one label per nine order lines. Every label carries the order
 * number as Code 128 so a packer can scan any page back to its order. With the order's money,
 * each line shows its amount and tax rate, and the last label the totals with the tax per rate,
 * the VAT breakdown (rate, net, VAT, gross) and the legal mention when no VAT is charged (on a
 * label of its own when the last lines leave no room).
 */
export function renderPackingSlipZpl(
  slip: PackingSlipData,
  dpi: LabelDpi,
  locale: LabelLocale = 'en',
): string {
  const words = LABEL_WORDS[locale];
  const totals = slip.money ? packingSlipTotals(slip.money, words) : [];
  const vatRows = slip.money ? packingSlipVatRows(slip.money, words) : [];
  const mention = slip.money ? packingSlipVatMention(slip.money, words) : null;
  const mentionLines = mention ? wrapText(mention, FULL_WIDTH, MENTION_HEIGHT) : [];
  const breakdownRows = vatRows.length > 0 ? vatRows.length + 1 : 0;
  const totalsTop =
    FOOTER_TOP -
    (totals.length + breakdownRows) * TOTALS_PITCH -
    mentionLines.length * MENTION_PITCH -
    12;
  const roomOnLast = totals.length
    ? Math.floor((totalsTop - LINES_TOP) / LINE_PITCH)
    : LINES_PER_LABEL;
  const pages = paginate(slip.lines, LINES_PER_LABEL);
  if (pages.at(-1)!.length > roomOnLast) pages.push([]);
  const totalUnits = slip.lines.reduce((sum, line) => sum + line.quantity, 0);
  return pages
    .map((lines, pageIndex) => {
      const zpl = new ZplLabel(dpi);
      zpl.text(MARGIN, 20, 40, words.packingSlip, { maxWidth: 560 });
      zpl.text(620, 28, 24, words.page(pageIndex + 1, pages.length), { maxWidth: 172 });
      zpl.text(MARGIN, 70, 30, words.order(slip.orderNumber));
      const dated = words.dated(slip.orderDate);
      zpl.text(MARGIN, 106, 24, slip.poNumber ? `${words.po(slip.poNumber)}   ${dated}` : dated);
      zpl.code128(MARGIN + 20, 140, slip.orderNumber, {
        height: 90,
        moduleWidth: 2,
        maxWidth: FULL_WIDTH - 40,
        humanReadable: false,
      });
      zpl.hline(MARGIN, 250, FULL_WIDTH);

      zpl.text(MARGIN, 262, 20, words.shipTo);
      zpl.lines(MARGIN, 286, 24, formatAddressLines(slip.shipTo, slip.shipFrom.country));
      zpl.hline(MARGIN, 500, FULL_WIDTH);

      zpl.text(MARGIN, 512, 20, words.quantityShort);
      zpl.text(110, 512, 20, words.skuAndItem);
      zpl.hline(MARGIN, 538, FULL_WIDTH, 2);
      if (slip.money)
        zpl.text(620, 512, 20, words.money.amountHeadShort(slip.money.currency), { maxWidth: 172 });
      const textWidth = slip.money ? 500 : undefined;
      lines.forEach((line, i) => {
        const y = LINES_TOP + i * LINE_PITCH;
        zpl.text(MARGIN, y, 30, String(line.quantity), { maxWidth: 80 });
        zpl.text(110, y, 24, line.sku, { maxWidth: textWidth });
        zpl.text(110, y + 28, 22, line.name, { maxWidth: textWidth });
        if (slip.money && line.amountMinor !== undefined) {
          zpl.text(620, y, 24, formatAmount(line.amountMinor, slip.money.currency, words.decimal), {
            maxWidth: 172,
          });
          const rate = formatRate(line.taxRatePercent ?? null, words.decimal);
          if (rate) zpl.text(620, y + 28, 22, rate, { maxWidth: 172 });
        }
      });

      const isLast = pageIndex === pages.length - 1;
      if (isLast && totals.length > 0) {
        zpl.hline(MARGIN, totalsTop, FULL_WIDTH);
        totals.forEach((row, i) => {
          const y = totalsTop + 12 + i * TOTALS_PITCH;
          zpl.text(300, y, 22, row.label, { maxWidth: 260 });
          zpl.text(570, y, 22, row.value, { maxWidth: 222 });
        });
        const b = words.money.breakdown;
        const breakdown =
          vatRows.length > 0
            ? [
                [b.rate, b.net, b.vat, b.gross],
                ...vatRows.map((r) => [r.rate, r.net, r.tax, r.gross]),
              ]
            : [];
        const breakdownTop = totalsTop + 12 + totals.length * TOTALS_PITCH;
        breakdown.forEach((cells, row) =>
          cells.forEach((cell, i) =>
            zpl.text(BREAKDOWN_LEFTS[i]!, breakdownTop + row * TOTALS_PITCH, 20, cell, {
              maxWidth: 180,
            }),
          ),
        );
        zpl.lines(
          MARGIN,
          breakdownTop + breakdown.length * TOTALS_PITCH,
          MENTION_HEIGHT,
          mentionLines,
          {
            maxWidth: FULL_WIDTH,
          },
        );
      }
      if (isLast) {
        zpl.hline(MARGIN, 1110, FULL_WIDTH, 2);
        zpl.text(MARGIN, 1122, 26, words.totals(slip.lines.length, totalUnits));
        if (slip.note) zpl.text(MARGIN, 1160, 22, slip.note);
      }
      return zpl.toZpl();
    })
    .join('');
}
