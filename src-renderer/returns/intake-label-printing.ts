// A quarantined unit gets an intake label on the station's default label printer, through the
// print queue (stored first, so it survives a printer that is off). No label printer set up is
// told to the packer, never a reason to stop the intake.
import {
  intakeLabelDataSchema,
  intakeUnitReference,
  renderIntakeLabelZpl,
} from '../../shared/labels/intake-label';
import type { StationApi } from '../../shared/station-api';
import type { ReturnItem } from '../../shared/sync/documents';
import type { StationDatabase } from '../db/database';
import { enqueuePrint } from '../printing';
import { stationLabelLocale } from '../printing/label-language';

export interface IntakeLabelInput {
  receiptId: string;
  receivedAt: string;
  rmaCode: string | null;
  item: ReturnItem;
  productName: string;
}

export type IntakeLabelOutcome = 'queued' | 'no-printer';

export async function printIntakeLabel(
  db: StationDatabase,
  api: Pick<StationApi, 'listPrinters'>,
  input: IntakeLabelInput,
): Promise<IntakeLabelOutcome> {
  const { printers, defaultLabelPrinterId } = await api.listPrinters({});
  const printer = printers.find((p) => p.id === defaultLabelPrinterId);
  if (!printer) return 'no-printer';
  const unitReference = intakeUnitReference(input.receiptId, input.item.id);
  const label = intakeLabelDataSchema.parse({
    rmaCode: input.rmaCode,
    unitReference,
    sku: input.item.sku,
    productName: input.productName || input.item.sku,
    grade: input.item.grade,
    disposition: input.item.disposition,
    match: input.item.match,
    note: input.item.note,
    date: input.receivedAt.slice(0, 10),
  });
  // The print queue has no intake-label kind yet; a return label is its closest relative.
  await enqueuePrint(db.print_jobs, {
    kind: 'intake-label',
    printerId: printer.id,
    format: 'zpl',
    payload: renderIntakeLabelZpl(label, printer.dpi, stationLabelLocale()),
    reference: unitReference,
  });
  return 'queued';
}
