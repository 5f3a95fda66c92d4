// The customer's return label for an RMA: 4×6 ZPL (shared template) and an A6 PDF for people
// without a thermal printer, both with the RMA barcode (`RMA:<code>`, Code 128) the returns desk scans.
import { toBuffer } from 'bwip-js/node';
import type { Kysely } from 'kysely';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { formatAddressLines } from '../../shared/labels/address-format';
import {
  returnLabelDataSchema,
  type LabelAddress,
  type ReturnLabelData,
} from '../../shared/labels/label-data';
import { toFontCharacters } from '../../shared/labels/packing-slip-pdf';
import { LABEL_WORDS, type LabelLocale } from '../../shared/labels/label-words';
import { rmaBarcodeValue } from '../../shared/labels/return-label';
import type { Database, PostalAddress } from '../db/schema';
import { ApiError, notFound } from '../http/api-error';
import { isUuid } from './rma-writes';

const A6: [number, number] = [297.64, 419.53];

function labelAddress(
  a: Partial<PostalAddress>,
  fallbackName: string,
  fallbackCountry: string,
): LabelAddress {
  const text = (value: string | undefined, max: number, fallback: string) =>
    (value?.trim() ? value.trim() : fallback).slice(0, max);
  return {
    name: text(a.name, 60, fallbackName),
    ...(a.company?.trim() ? { company: a.company.trim().slice(0, 60) } : {}),
    street: text(a.line1, 80, '-'),
    ...(a.line2?.trim() ? { street2: a.line2.trim().slice(0, 80) } : {}),
    postalCode: text(a.postalCode, 12, '-'),
    city: text(a.city, 50, '-'),
    country: (a.country ?? fallbackCountry).toUpperCase(),
  };
}

/** The label's data, channel-checked: `channelCode` limits a channel key to its own orders. */
export async function returnLabelData(
  db: Kysely<Database>,
  rmaId: string,
  channelCode: string | null,
): Promise<ReturnLabelData> {
  const row = isUuid(rmaId)
    ? await db
        .selectFrom('rmas as r')
        .innerJoin('orders as o', 'o.id', 'r.order_id')
        .innerJoin('warehouses as w', 'w.code', 'r.warehouse_code')
        .select([
          'r.code',
          'r.status',
          'o.channel_code',
          'o.channel_order_ref',
          'o.ship_to',
          'w.name as warehouse_name',
          'w.address as warehouse_address',
          'w.country as warehouse_country',
        ])
        .where('r.id', '=', rmaId)
        .executeTakeFirst()
    : undefined;
  if (!row) throw notFound(`RMA ${rmaId}`);
  if (channelCode !== null && row.channel_code !== channelCode)
    throw new ApiError(403, 'forbidden', 'This RMA belongs to another channel.');
  const parsed = returnLabelDataSchema.safeParse({
    rmaId: row.code,
    orderNumber: row.channel_order_ref.slice(0, 30),
    returnFrom: labelAddress(row.ship_to, 'Customer', row.ship_to.country),
    returnTo: labelAddress(
      { ...row.warehouse_address, name: `Returns ${row.warehouse_name}` },
      row.warehouse_name,
      row.warehouse_country,
    ),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError(
      422,
      'label_data',
      `The return label cannot be made: ${issue?.path.join('.')}: ${issue?.message}`,
    );
  }
  return parsed.data;
}

/** A6 portrait PDF: sender, returns address, order number and the RMA barcode. */
export async function renderReturnLabelPdf(
  label: ReturnLabelData,
  locale: LabelLocale = 'en',
): Promise<Uint8Array> {
  const words = LABEL_WORDS[locale];
  const doc = await PDFDocument.create();
  doc.setTitle(`Return label ${label.rmaId}`);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const supported = new Set(regular.getCharacterSet());
  const safe = (text: string) => toFontCharacters(text, supported);
  const page = doc.addPage(A6);
  const x = 18;
  page.drawText(words.returnTitle, { x, y: 390, size: 22, font: bold });
  page.drawText(safe(`RMA ${label.rmaId}   ${words.order(label.orderNumber)}`), {
    x,
    y: 370,
    size: 9,
    font: regular,
  });
  page.drawText(words.from, { x, y: 348, size: 8, font: bold });
  formatAddressLines(label.returnFrom, label.returnTo.country).forEach((line, i) =>
    page.drawText(safe(line), { x, y: 336 - i * 10, size: 8, font: regular }),
  );
  page.drawText(words.returnTo, { x, y: 268, size: 8, font: bold });
  formatAddressLines(label.returnTo, label.returnFrom.country).forEach((line, i) =>
    page.drawText(safe(line), { x, y: 252 - i * 14, size: 12, font: bold }),
  );

  const png = await toBuffer({
    bcid: 'code128',
    text: rmaBarcodeValue(label.rmaId),
    scale: 3,
    height: 14,
    includetext: true,
    textxalign: 'center',
    backgroundcolor: 'FFFFFF',
  });
  const image = await doc.embedPng(png);
  const width = A6[0] - 2 * x;
  const height = (image.height / image.width) * width;
  page.drawImage(image, { x, y: 24, width, height: Math.min(height, 120) });
  return doc.save();
}
