// The test label the set-up screen prints: big enough to check alignment, darkness and that the
// printer reads barcodes from this station.
import type { Printer } from '../../shared/station-api/printing';
import { ZplLabel } from '../../shared/labels/zpl-builder';

export function testLabelZpl(printer: Printer, printedAt: Date): string {
  const label = new ZplLabel(printer.dpi);
  label.box(20, 20, 772, 1178, 6);
  label.text(60, 80, 70, 'TEST LABEL');
  label.text(60, 180, 40, printer.name);
  label.text(
    60,
    240,
    30,
    printer.kind === 'zebra-tcp'
      ? `${printer.host}:${printer.port}`
      : printer.kind === 'spooler'
        ? `queue ${printer.queue}`
        : printer.folder,
  );
  label.text(60, 290, 30, printedAt.toISOString().replace('T', ' ').slice(0, 19));
  label.code128(60, 380, 'TEST-123456', {
    height: 160,
    moduleWidth: 3,
    maxWidth: 690,
    humanReadable: true,
  });
  label.hline(60, 640, 690);
  label.text(60, 680, 30, 'If the barcode scans and the frame is complete,');
  label.text(60, 720, 30, 'this printer is ready for shipping labels.');
  return label.toZpl();
}
