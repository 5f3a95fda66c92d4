import { describe, expect, it } from 'vitest';
import { classifyScan } from '../../shared/barcodes';
import { chooseReturn, queryFromScan, queryFromText } from './rma-lookup';
import { makeRma, PARCEL_SSCC, TEA_GTIN } from './returns-fixtures';

const scanned = (raw: string) => queryFromScan(classifyScan(raw), raw);

describe('finding the return a parcel belongs to', () => {
  const rma = makeRma();

  it('finds it by the RMA barcode, the order number, a tracking number or an SSCC', () => {
    for (const query of [
      scanned('RMA:R-2025-00017'),
      queryFromText('web-1001'),
      scanned('3SABC123456789'),
      scanned(PARCEL_SSCC),
    ]) {
      expect(chooseReturn([rma], query!, 'NL-TIL')).toEqual({ ok: true, rma });
    }
  });

  it('does not take an item or a bin as a way to find a return', () => {
    expect(scanned('B:A-01')).toBeNull();
    expect(scanned(TEA_GTIN)).toBeNull();
  });

  it('says which code was not found', () => {
    expect(chooseReturn([rma], queryFromText('WEB-9999')!, 'NL-TIL')).toMatchObject({
      ok: false,
      message: { key: 'returns.notFound', values: { code: 'WEB-9999' } },
    });
  });

  it('refuses an RMA of another warehouse, naming it', () => {
    expect(
      chooseReturn([makeRma({ warehouseCode: 'BE-ANT' })], scanned('RMA:R-2025-00017')!, 'NL-TIL'),
    ).toMatchObject({
      ok: false,
      message: { key: 'returns.otherWarehouse', values: { warehouse: 'BE-ANT' } },
    });
  });

  it('prefers the return still awaiting goods over an earlier, finished one of the same order', () => {
    const earlier = makeRma({
      id: 'rma-0',
      code: 'R-0',
      status: 'refunded',
      createdAt: '2025-01-01T00:00:00.000Z',
    });
    expect(chooseReturn([earlier, rma], queryFromText('WEB-1001')!, 'NL-TIL')).toEqual({
      ok: true,
      rma,
    });
  });

  it('refuses a return that takes no parcel any more', () => {
    expect(
      chooseReturn([makeRma({ status: 'refunded' })], scanned('RMA:R-2025-00017')!, 'NL-TIL'),
    ).toMatchObject({
      ok: false,
      message: { key: 'returns.notAwaiting', values: { status: 'refunded' } },
    });
  });

  it('keeps taking parcels while an RMA is partly received', () => {
    const partly = makeRma({ status: 'partially_refunded' });
    expect(chooseReturn([partly], scanned('RMA:R-2025-00017')!, 'NL-TIL')).toEqual({
      ok: true,
      rma: partly,
    });
  });

  it('refuses an expired return, also before the central OMS swept it, naming the day', () => {
    const due = makeRma({ status: 'partially_refunded', expiresAt: '2025-03-31T10:00:00.000Z' });
    const now = new Date('2025-04-02T08:00:00.000Z');
    for (const rma of [due, { ...due, status: 'expired' as const }]) {
      expect(chooseReturn([rma], scanned('RMA:R-2025-00017')!, 'NL-TIL', now)).toMatchObject({
        ok: false,
        message: { key: 'returns.expired', values: { code: rma.code, date: '2025-03-31' } },
      });
    }
  });
});
