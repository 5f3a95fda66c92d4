import { describe, expect, it } from 'vitest';
import type { DispatchedEvent } from '../../outbox/consumer';
import { teamAlertEmail } from './team-alert-email';

const event = (type: string, payload: Record<string, unknown>): DispatchedEvent => ({
  id: '1',
  type,
  aggregateType: 'product',
  aggregateId: 'p1',
  payload,
  createdAt: new Date('2026-12-04T12:00:00Z'),
});

const stockLow = event('stock.low', {
  warehouseCode: 'NL-TIL',
  sku: 'SKU-LOW',
  productName: 'Mug',
  onHand: 5,
  reserved: 2,
  available: 3,
  reorderPoint: 10,
  suggestedReorderQuantity: 27,
  supplierName: 'Acme BV',
  supplierEmail: 'orders@acme.example',
});

const digest = event('report.return_rate_digest', {
  week: '2026-W49',
  from: '2026-11-04',
  to: '2026-12-04',
  windowDays: 30,
  unitsReturned: 3,
  products: [{ sku: 'SKU-1', name: 'Mug', unitsSold: 24, unitsReturned: 3, returnRate: 0.125 }],
});

describe('team alert e-mails', () => {
  it('are written in the team language: English, Dutch, German, French', () => {
    expect(teamAlertEmail(stockLow, 'en').body.subject).toBe('Low stock: SKU-LOW in NL-TIL');
    expect(teamAlertEmail(stockLow, 'nl').body.subject).toBe('Lage voorraad: SKU-LOW in NL-TIL');
    const de = teamAlertEmail(stockLow, 'de').body;
    expect(de.subject).toBe('Niedriger Bestand: SKU-LOW in NL-TIL');
    expect(de.paragraphs[0]).toBe(
      'Verfügbar 3, Meldebestand 10. Empfohlene Bestellmenge: 27 Stück.',
    );
    expect(de.facts).toContainEqual({ label: 'Lieferant', value: 'Acme BV' });
    const fr = teamAlertEmail(stockLow, 'fr').body;
    expect(fr.subject).toBe('Stock bas : SKU-LOW à NL-TIL');
    expect(fr.closing).toBe('Message automatique de l’OMS.');
  });

  it('writes the return rate in the language’s number format', () => {
    expect(teamAlertEmail(digest, 'en').body.lines![0]!.amount).toBe('12.5 % of 24');
    expect(teamAlertEmail(digest, 'de').body.lines![0]!.amount).toBe('12,5 % von 24');
    expect(teamAlertEmail(digest, 'fr').body.subject).toBe('Synthèse des retours 2026-W49');
  });
});
