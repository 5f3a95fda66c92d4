// Bin labels are printed `B:<code>`, but a bin's own sign often carries the code alone. A scan
// that is no code of ours, yet reads exactly as one of this warehouse's synced bins, is that bin:
// the packer hears "bin A-01", never "product not in the catalogue".
import { scannedText, type ScanResult } from '../../shared/barcodes';

/** The bin a scan names without its prefix, or the scan as it was. */
export function recogniseBareBin(
  raw: string,
  result: ScanResult,
  binCodes: ReadonlySet<string>,
): ScanResult {
  if (result.kind !== 'unknown' && result.kind !== 'invalid') return result;
  const code = scannedText(raw).toUpperCase();
  return binCodes.has(code) ? { kind: 'bin', code } : result;
}
