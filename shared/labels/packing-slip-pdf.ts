import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
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

const A4: [number, number] = [595.28, 841.89];
const LEFT = 50;
const RIGHT = 545;
const ROWS_PER_PAGE = 30;
const ROW_PITCH = 16;
/** The right edges of the VAT breakdown's columns: rate, net, VAT, gross. */
const BREAKDOWN_RIGHTS = [300, 380, 460, RIGHT];

/**
 * The standard PDF fonts only know WinAnsi (Latin-1 plus a few). Rather than embed a Unicode
 * font (none ships in node_modules, and pdf-lib would need fontkit), text is reduced to what
 * the font can draw: accents the font lacks are dropped (ő → o), anything else becomes "?".
 * Office printers get a readable slip; the 4×6 ZPL slip keeps the full UTF-8 text.
 */
export function toFontCharacters(text: string, supported: ReadonlySet<number>): string {
  let result = '';
  for (const char of text) {
    if (supported.has(char.codePointAt(0) ?? 0)) {
      result += char;
      continue;
    }
    const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    result +=
      base && Array.from(base).every((c) => supported.has(c.codePointAt(0) ?? 0)) ? base : '?';
  }
  return result;
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  safe: (text: string) => string;
}

function cutToWidth(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let cut = text;
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}...`, size) > width)
    cut = cut.slice(0, -1);
  return `${cut}...`;
}

/** Breaks `text` at spaces into lines that fit `width` (a word too long for a line stands alone). */
function wrapToWidth(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (!line || font.widthOfTextAtSize(candidate, size) <= width) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function drawAddress(page: PDFPage, fonts: Fonts, x: number, title: string, lines: string[]): void {
  page.drawText(title, { x, y: 700, size: 10, font: fonts.bold });
  lines.forEach((line, i) =>
    page.drawText(cutToWidth(fonts.safe(line), fonts.regular, 10, 230), {
      x,
      y: 686 - i * 13,
      size: 10,
      font: fonts.regular,
    }),
  );
}

function drawRight(page: PDFPage, font: PDFFont, text: string, x: number, y: number): void {
  page.drawText(text, { x: x - font.widthOfTextAtSize(text, 10), y, size: 10, font });
}

/**
 * A4 packing slip for office printers: header and addresses on every page, 30 order lines per
 * page. With the order's money: each line's amount and tax rate, and after the last line the
 * totals with the tax per rate, the VAT breakdown (rate, net, VAT, gross) and the legal mention
 * when no VAT is charged (on a page of their own when the last lines leave no room).
 */
export async function renderPackingSlipPdf(
  slip: PackingSlipData,
  locale: LabelLocale = 'en',
): Promise<Uint8Array> {
  const words = LABEL_WORDS[locale];
  const doc = await PDFDocument.create();
  doc.setTitle(`${words.pdf.title} ${slip.orderNumber}`);
  doc.setSubject(words.order(slip.orderNumber));
  doc.setLanguage(locale);
  doc.setCreationDate(new Date(`${slip.orderDate}T00:00:00Z`));
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const supported = new Set(regular.getCharacterSet());
  const fonts: Fonts = { regular, bold, safe: (text) => toFontCharacters(text, supported) };

  const totals = slip.money ? packingSlipTotals(slip.money, words) : [];
  const vatRows = slip.money ? packingSlipVatRows(slip.money, words) : [];
  const mention = slip.money ? packingSlipVatMention(slip.money, words) : null;
  const mentionLines = mention ? wrapToWidth(fonts.safe(mention), regular, 9, RIGHT - LEFT) : [];
  // The footer takes two rows, the totals one each and a gap, the breakdown its head, rows and a gap.
  const moneyRows =
    totals.length + (vatRows.length > 0 ? vatRows.length + 2 : 0) + mentionLines.length;
  const pages = paginate(slip.lines, ROWS_PER_PAGE);
  if (moneyRows > 0 && pages.at(-1)!.length > ROWS_PER_PAGE - 3 - moneyRows) pages.push([]);
  const totalUnits = slip.lines.reduce((sum, line) => sum + line.quantity, 0);
  const itemWidth = slip.money ? 200 : 320;
  pages.forEach((lines, pageIndex) => {
    const page = doc.addPage(A4);
    page.drawText(words.pdf.title, { x: LEFT, y: 790, size: 20, font: bold });
    const pageLabel = words.pdf.page(pageIndex + 1, pages.length);
    page.drawText(pageLabel, {
      x: RIGHT - regular.widthOfTextAtSize(pageLabel, 10),
      y: 795,
      size: 10,
      font: regular,
    });
    page.drawText(fonts.safe(words.order(slip.orderNumber)), {
      x: LEFT,
      y: 765,
      size: 12,
      font: bold,
    });
    const facts = [
      slip.poNumber ? words.po(slip.poNumber) : undefined,
      words.pdf.orderDate(slip.orderDate),
    ].filter((fact) => fact !== undefined);
    page.drawText(fonts.safe(facts.join('    ')), { x: LEFT, y: 749, size: 10, font: regular });

    drawAddress(page, fonts, LEFT, words.pdf.shipFrom, formatAddressLines(slip.shipFrom));
    drawAddress(
      page,
      fonts,
      310,
      words.pdf.shipTo,
      formatAddressLines(slip.shipTo, slip.shipFrom.country),
    );

    page.drawText(words.pdf.sku, { x: LEFT, y: 580, size: 10, font: bold });
    page.drawText(words.pdf.item, { x: 180, y: 580, size: 10, font: bold });
    const qtyRight = slip.money ? 400 : RIGHT;
    drawRight(page, bold, words.pdf.quantity, qtyRight, 580);
    if (slip.money) {
      drawRight(page, bold, words.money.vatHead, 455, 580);
      drawRight(page, bold, words.money.amountHead(slip.money.currency), RIGHT, 580);
    }
    page.drawLine({
      start: { x: LEFT, y: 574 },
      end: { x: RIGHT, y: 574 },
      thickness: 0.8,
      color: rgb(0, 0, 0),
    });
    lines.forEach((line, i) => {
      const y = 558 - i * ROW_PITCH;
      const quantity = String(line.quantity);
      page.drawText(cutToWidth(fonts.safe(line.sku), regular, 10, 125), {
        x: LEFT,
        y,
        size: 10,
        font: regular,
      });
      page.drawText(cutToWidth(fonts.safe(line.name), regular, 10, itemWidth), {
        x: 180,
        y,
        size: 10,
        font: regular,
      });
      drawRight(page, regular, quantity, qtyRight, y);
      if (slip.money && line.amountMinor !== undefined) {
        drawRight(page, regular, formatRate(line.taxRatePercent ?? null, words.decimal), 455, y);
        drawRight(
          page,
          regular,
          formatAmount(line.amountMinor, slip.money.currency, words.decimal),
          RIGHT,
          y,
        );
      }
    });

    if (pageIndex === pages.length - 1) {
      const y = 558 - lines.length * ROW_PITCH - 8;
      page.drawLine({
        start: { x: LEFT, y: y + 10 },
        end: { x: RIGHT, y: y + 10 },
        thickness: 0.8,
        color: rgb(0, 0, 0),
      });
      page.drawText(words.totals(slip.lines.length, totalUnits), {
        x: LEFT,
        y: y - 6,
        size: 10,
        font: bold,
      });
      if (slip.note)
        page.drawText(cutToWidth(fonts.safe(slip.note), regular, 10, RIGHT - LEFT), {
          x: LEFT,
          y: y - 24,
          size: 10,
          font: regular,
        });
      totals.forEach((row, i) => {
        const rowY = y - 48 - i * ROW_PITCH;
        drawRight(page, row.label === 'Total' ? bold : regular, row.label, 430, rowY);
        drawRight(page, regular, row.value, RIGHT, rowY);
      });
      let rowY = y - 48 - totals.length * ROW_PITCH - 8;
      if (vatRows.length > 0) {
        const b = words.money.breakdown;
        [b.rate, b.net, b.vat, b.gross].forEach((head, i) =>
          drawRight(page, bold, head, BREAKDOWN_RIGHTS[i]!, rowY),
        );
        for (const row of vatRows) {
          rowY -= ROW_PITCH;
          [row.rate, row.net, row.tax, row.gross].forEach((cell, i) =>
            drawRight(page, regular, cell, BREAKDOWN_RIGHTS[i]!, rowY),
          );
        }
        rowY -= ROW_PITCH + 4;
      }
      for (const line of mentionLines) {
        page.drawText(line, { x: LEFT, y: rowY, size: 9, font: regular });
        rowY -= 12;
      }
    }
  });
  return doc.save();
}
