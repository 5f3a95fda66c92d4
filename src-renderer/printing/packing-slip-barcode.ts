// The packing slip's Code 128 holds the order number, cut to what every scanner reads alike:
// letters, digits and - . / : (any other character printed as '-'), at most 30 characters. Scanned
// back at the queue it must find its order again, whatever the channel's numbering (#1001 → -1001).

const maxLength = 30;
const unsafe = /[^A-Za-z0-9\-./:]/g;

export function packingSlipBarcode(orderNumber: string): string {
  return orderNumber.replace(unsafe, '-').slice(0, maxLength) || '-';
}

/**
 * A pattern (for a case-insensitive `$regex`) of the order numbers whose slip barcode reads as
 * `scanned`: each '-' may have been any unsafe character, and a barcode of full length may have
 * cut a longer number. Case-insensitive because Caps Lock inverts what a wedge scanner types.
 */
export function orderNumberPattern(scanned: string): string {
  const body = [...scanned]
    .map((char) =>
      char === '-' ? '[^A-Za-z0-9./:]' : char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'),
    )
    .join('');
  return `^${body}${scanned.length >= maxLength ? '' : '$'}`;
}
