import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateOrder } from './allocate';
import type {
  AllocationInput,
  AllocationLine,
  AllocationPlan,
  SourcingWarehouse,
} from './allocate';

// Amsterdam ships; Tilburg is nearest (~90 km), Duisburg next (~165 km), Gent farthest (~180 km).
const amsterdam = { lat: 52.37, lon: 4.9 };
const places = {
  tilburg: { lat: 51.56, lon: 5.09 },
  duisburg: { lat: 51.43, lon: 6.76 },
  gent: { lat: 51.05, lon: 3.72 },
};

const warehouse = (
  code: string,
  place: keyof typeof places,
  available: Record<string, number>,
): SourcingWarehouse => ({ code, ...places[place], available });
const line = (lineId: string, sku: string, quantity: number): AllocationLine => ({
  lineId,
  sku,
  quantity,
});
const makeInput = (overrides: Partial<AllocationInput>): AllocationInput => ({
  shipTo: amsterdam,
  lines: [],
  warehouses: [],
  maxExtraKmForSingleWarehouse: 100,
  ...overrides,
});
/** warehouseCode → "lineId:quantity" list, for readable expectations. */
const shape = (plan: AllocationPlan) =>
  Object.fromEntries(
    plan.fulfillments.map((f) => [
      f.warehouseCode,
      f.lines.map((l) => `${l.lineId}:${l.quantity}`),
    ]),
  );

describe('sourcing an order', () => {
  it('ships the whole order from the nearest warehouse when it has everything', () => {
    const plan = allocateOrder(
      makeInput({
        lines: [line('l1', 'MUG', 2), line('l2', 'TEE', 1)],
        warehouses: [
          warehouse('DE1', 'duisburg', { MUG: 9, TEE: 9 }),
          warehouse('NL1', 'tilburg', { MUG: 9, TEE: 9 }),
        ],
      }),
    );
    expect(plan.strategy).toBe('single_warehouse');
    expect(shape(plan)).toEqual({ NL1: ['l1:2', 'l2:1'] });
    expect(plan.fulfillments[0]?.distanceKm).toBeCloseTo(90.6, 0);
    expect(plan.backordered).toEqual([]);
  });

  it('prefers one farther warehouse that has everything when the detour is within the limit', () => {
    const plan = allocateOrder(
      makeInput({
        lines: [line('l1', 'MUG', 2), line('l2', 'TEE', 1)],
        warehouses: [
          warehouse('NL1', 'tilburg', { MUG: 9 }),
          warehouse('DE1', 'duisburg', { MUG: 9, TEE: 9 }),
        ],
        maxExtraKmForSingleWarehouse: 100,
      }),
    );
    expect(plan.strategy).toBe('single_warehouse');
    expect(shape(plan)).toEqual({ DE1: ['l1:2', 'l2:1'] });
  });

  it('splits into fulfillments per nearest warehouse when the single warehouse is too far out of the way', () => {
    const plan = allocateOrder(
      makeInput({
        lines: [line('l1', 'MUG', 2), line('l2', 'TEE', 1)],
        warehouses: [
          warehouse('NL1', 'tilburg', { MUG: 9 }),
          warehouse('DE1', 'duisburg', { MUG: 9, TEE: 9 }),
        ],
        maxExtraKmForSingleWarehouse: 50,
      }),
    );
    expect(plan.strategy).toBe('nearest_per_line');
    expect(shape(plan)).toEqual({ NL1: ['l1:2'], DE1: ['l2:1'] });
  });

  it('sends a line whole to the nearest warehouse that has all of it rather than splitting it', () => {
    const plan = allocateOrder(
      makeInput({
        lines: [line('l1', 'MUG', 10)],
        warehouses: [
          warehouse('NL1', 'tilburg', { MUG: 3 }),
          warehouse('DE1', 'duisburg', { MUG: 10 }),
        ],
        maxExtraKmForSingleWarehouse: 0,
      }),
    );
    expect(shape(plan)).toEqual({ DE1: ['l1:10'] });
  });

  it('splits a line across warehouses, nearest first, when no single one has enough', () => {
    const plan = allocateOrder(
      makeInput({
        lines: [line('l1', 'MUG', 10)],
        warehouses: [
          warehouse('BE1', 'gent', { MUG: 6 }),
          warehouse('NL1', 'tilburg', { MUG: 6 }),
          warehouse('DE1', 'duisburg', { MUG: 1 }),
        ],
      }),
    );
    expect(plan.strategy).toBe('nearest_per_line');
    expect(shape(plan)).toEqual({ NL1: ['l1:6'], DE1: ['l1:1'], BE1: ['l1:3'] });
    expect(plan.backordered).toEqual([]);
  });

  it('backorders what no warehouse has and ships the rest', () => {
    const plan = allocateOrder(
      makeInput({
        lines: [line('l1', 'MUG', 5), line('l2', 'LAMP', 2)],
        warehouses: [
          warehouse('NL1', 'tilburg', { MUG: 3 }),
          warehouse('DE1', 'duisburg', { MUG: 1 }),
        ],
        maxExtraKmForSingleWarehouse: 0,
      }),
    );
    expect(shape(plan)).toEqual({ NL1: ['l1:3'], DE1: ['l1:1'] });
    expect(plan.backordered).toEqual([line('l1', 'MUG', 1), line('l2', 'LAMP', 2)]);
  });

  it('still ships from one warehouse when the only missing units are missing everywhere', () => {
    const plan = allocateOrder(
      makeInput({
        lines: [line('l1', 'MUG', 2), line('l2', 'LAMP', 2)],
        warehouses: [
          warehouse('NL1', 'tilburg', { MUG: 5 }),
          warehouse('DE1', 'duisburg', { MUG: 5 }),
        ],
      }),
    );
    expect(plan.strategy).toBe('single_warehouse');
    expect(shape(plan)).toEqual({ NL1: ['l1:2'] });
    expect(plan.backordered).toEqual([line('l2', 'LAMP', 2)]);
  });

  it('backorders everything when no warehouse has any ordered SKU', () => {
    const plan = allocateOrder(
      makeInput({
        lines: [line('l1', 'MUG', 2)],
        warehouses: [warehouse('NL1', 'tilburg', { TEE: 5, MUG: -3 })],
      }),
    );
    expect(plan).toEqual({
      strategy: 'nothing_available',
      fulfillments: [],
      backordered: [line('l1', 'MUG', 2)],
    });
  });

  it('lets lines of the same SKU share one warehouse stock', () => {
    const plan = allocateOrder(
      makeInput({
        lines: [line('l1', 'MUG', 3), line('l2', 'MUG', 3)],
        warehouses: [
          warehouse('NL1', 'tilburg', { MUG: 4 }),
          warehouse('DE1', 'duisburg', { MUG: 10 }),
        ],
        maxExtraKmForSingleWarehouse: 0,
      }),
    );
    expect(shape(plan)).toEqual({ NL1: ['l1:3'], DE1: ['l2:3'] });
  });

  it('breaks a distance tie by warehouse code, whatever the input order', () => {
    const lines = [line('l1', 'MUG', 1)];
    const a = warehouse('NL-A', 'tilburg', { MUG: 1 });
    const b = warehouse('NL-B', 'tilburg', { MUG: 1 });
    expect(shape(allocateOrder(makeInput({ lines, warehouses: [b, a] })))).toEqual({
      'NL-A': ['l1:1'],
    });
    expect(shape(allocateOrder(makeInput({ lines, warehouses: [a, b] })))).toEqual({
      'NL-A': ['l1:1'],
    });
  });

  it('leaves the caller’s warehouses and lines untouched', () => {
    const input = makeInput({
      lines: [line('l1', 'MUG', 3)],
      warehouses: [warehouse('NL1', 'tilburg', { MUG: 4 })],
    });
    const before = structuredClone(input);
    allocateOrder(input);
    expect(input).toEqual(before);
  });

  it.each<[string, Partial<AllocationInput>, RegExp]>([
    ['a zero quantity', { lines: [line('l1', 'MUG', 0)] }, /positive integer/],
    ['a fractional quantity', { lines: [line('l1', 'MUG', 1.5)] }, /positive integer/],
    [
      'a repeated line id',
      { lines: [line('l1', 'MUG', 1), line('l1', 'TEE', 1)] },
      /appears twice/,
    ],
    ['a negative detour limit', { maxExtraKmForSingleWarehouse: -1 }, /≥ 0/],
  ])('refuses %s as a programming error', (_what, overrides, message) => {
    expect(() => allocateOrder(makeInput(overrides))).toThrow(message);
  });
});

describe('sourcing invariants (property-based)', () => {
  const skus = ['MUG', 'TEE', 'LAMP', 'SOCK'];
  const arbitraryInput = fc.record({
    shipTo: fc.record({
      lat: fc.double({ min: 45, max: 56, noNaN: true }),
      lon: fc.double({ min: -2, max: 15, noNaN: true }),
    }),
    lines: fc
      .array(
        fc.record({ sku: fc.constantFrom(...skus), quantity: fc.integer({ min: 1, max: 20 }) }),
        { minLength: 1, maxLength: 6 },
      )
      .map((lines) => lines.map((l, i) => ({ lineId: `l${i}`, ...l }))),
    warehouses: fc.uniqueArray(
      fc.record({
        code: fc.constantFrom('NL1', 'NL2', 'BE1', 'DE1', 'DE2'),
        lat: fc.double({ min: 45, max: 56, noNaN: true }),
        lon: fc.double({ min: -2, max: 15, noNaN: true }),
        available: fc.dictionary(fc.constantFrom(...skus), fc.integer({ min: -2, max: 25 })),
      }),
      { selector: (w) => w.code, maxLength: 5 },
    ),
    maxExtraKmForSingleWarehouse: fc.integer({ min: 0, max: 1500 }),
  });

  it('accounts for every ordered unit, never over-allocates a warehouse, and backorders only what the network lacks', () => {
    fc.assert(
      fc.property(arbitraryInput, (input) => {
        const plan = allocateOrder(input);
        const planned = [...plan.fulfillments.flatMap((f) => f.lines), ...plan.backordered];
        for (const l of input.lines) {
          const sum = planned
            .filter((p) => p.lineId === l.lineId)
            .reduce((s, p) => s + p.quantity, 0);
          expect(sum).toBe(l.quantity);
        }
        for (const f of plan.fulfillments) {
          const source = input.warehouses.find((w) => w.code === f.warehouseCode);
          expect(f.lines.length).toBeGreaterThan(0);
          for (const sku of new Set(f.lines.map((l) => l.sku))) {
            const taken = f.lines.filter((l) => l.sku === sku).reduce((s, l) => s + l.quantity, 0);
            expect(taken).toBeLessThanOrEqual(Math.max(0, source?.available[sku] ?? 0));
          }
        }
        for (const sku of new Set(plan.backordered.map((b) => b.sku))) {
          const network = input.warehouses.reduce(
            (s, w) => s + Math.max(0, w.available[sku] ?? 0),
            0,
          );
          const shipped = plan.fulfillments.flatMap((f) => f.lines).filter((l) => l.sku === sku);
          expect(shipped.reduce((s, l) => s + l.quantity, 0)).toBe(network);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same plan for the same input whatever the warehouse order', () => {
    fc.assert(
      fc.property(arbitraryInput, (input) => {
        const reversed = { ...input, warehouses: [...input.warehouses].reverse() };
        expect(allocateOrder(reversed)).toEqual(allocateOrder(input));
      }),
      { numRuns: 200 },
    );
  });
});
