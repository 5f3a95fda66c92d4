/**
 * Sourcing: which warehouse ships which quantity of an order. Pure; the caller reserves the plan's
 * quantities inside its database transaction (and re-plans if a reservation loses a race).
 *
 * Rules, in order:
 * 1. Warehouses are ranked by great-circle distance to the ship-to point; equal distances are
 *    ordered by warehouse code, so the same input always gives the same plan.
 * 2. One warehouse for the whole order. The "nearest candidate" is the nearest warehouse with at
 *    least one unit of any ordered SKU. A warehouse "ships the whole order" when, for every SKU,
 *    it has available at least min(ordered, stock of that SKU in the whole network): it alone
 *    ships every unit that could ship at all (units nobody has are backordered either way). The
 *    nearest such warehouse takes the whole order when it is at most
 *    `maxExtraKmForSingleWarehouse` farther than the nearest candidate.
 * 3. Otherwise each line, in order, goes to the nearest warehouse that has its whole remaining
 *    quantity; when none has, the line is split: the nearest warehouse gives what it has, then the
 *    next nearest, and so on. Lines of the same SKU draw on the same availability.
 * 4. Whatever no warehouse has is backordered. No warehouse is given more than it has available;
 *    availability below zero or fractional is treated as the whole units at or above zero.
 */
import { compareCodes } from '../db/code-order';
import { greatCircleDistanceKm } from './great-circle';
import type { GeoPoint } from './great-circle';

export interface AllocationLine {
  lineId: string;
  sku: string;
  /** Positive whole units. */
  quantity: number;
}

export interface SourcingWarehouse {
  code: string;
  lat: number;
  lon: number;
  /** Units available (on hand − reserved) per SKU. */
  available: Readonly<Record<string, number>>;
}

export interface AllocationInput {
  shipTo: GeoPoint;
  lines: readonly AllocationLine[];
  warehouses: readonly SourcingWarehouse[];
  maxExtraKmForSingleWarehouse: number;
}

export interface PlannedFulfillment {
  warehouseCode: string;
  /** Great-circle km to the ship-to point, rounded to 0.1 km. */
  distanceKm: number;
  lines: AllocationLine[];
}

/** Which rule produced the plan; worth recording on the order's event trail. */
export type AllocationStrategy = 'single_warehouse' | 'nearest_per_line' | 'nothing_available';

export interface AllocationPlan {
  strategy: AllocationStrategy;
  /** Nearest first. A split line appears in several fulfillments under the same lineId. */
  fulfillments: PlannedFulfillment[];
  backordered: AllocationLine[];
}

interface RankedWarehouse {
  code: string;
  distanceKm: number;
  available: Map<string, number>;
}

export function allocateOrder(input: AllocationInput): AllocationPlan {
  assertValidInput(input);
  const ranked = rankWarehouses(input);
  const ordered = totalsBySku(input.lines);
  const networkStock = (sku: string) =>
    ranked.reduce((sum, warehouse) => sum + stockOf(warehouse, sku), 0);

  const nearestCandidate = ranked.find((w) =>
    [...ordered.keys()].some((sku) => stockOf(w, sku) > 0),
  );
  if (!nearestCandidate) {
    return {
      strategy: 'nothing_available',
      fulfillments: [],
      backordered: input.lines.map(copyLine),
    };
  }

  const single = ranked.find((w) =>
    [...ordered].every(([sku, qty]) => stockOf(w, sku) >= Math.min(qty, networkStock(sku))),
  );
  const extraKm = single ? single.distanceKm - nearestCandidate.distanceKm : Infinity;
  if (single && extraKm <= input.maxExtraKmForSingleWarehouse) {
    return planFrom('single_warehouse', input.lines, [single]);
  }
  return planFrom('nearest_per_line', input.lines, ranked);
}

/** Allocates each line from `ranked` (nearest first) per rule 3, consuming their availability. */
function planFrom(
  strategy: AllocationStrategy,
  lines: readonly AllocationLine[],
  ranked: readonly RankedWarehouse[],
): AllocationPlan {
  const byWarehouse = new Map<string, AllocationLine[]>();
  const backordered: AllocationLine[] = [];
  const take = (warehouse: RankedWarehouse, line: AllocationLine, quantity: number) => {
    warehouse.available.set(line.sku, stockOf(warehouse, line.sku) - quantity);
    const planned = byWarehouse.get(warehouse.code) ?? [];
    planned.push({ lineId: line.lineId, sku: line.sku, quantity });
    byWarehouse.set(warehouse.code, planned);
  };

  for (const line of lines) {
    let remaining = line.quantity;
    const whole = ranked.find((w) => stockOf(w, line.sku) >= remaining);
    if (whole) {
      take(whole, line, remaining);
      remaining = 0;
    }
    for (const warehouse of ranked) {
      if (remaining === 0) break;
      const quantity = Math.min(remaining, stockOf(warehouse, line.sku));
      if (quantity > 0) {
        take(warehouse, line, quantity);
        remaining -= quantity;
      }
    }
    if (remaining > 0)
      backordered.push({ lineId: line.lineId, sku: line.sku, quantity: remaining });
  }

  const fulfillments = ranked
    .filter((w) => byWarehouse.has(w.code))
    .map((w) => ({
      warehouseCode: w.code,
      distanceKm: Math.round(w.distanceKm * 10) / 10,
      lines: byWarehouse.get(w.code) ?? [],
    }));
  return { strategy, fulfillments, backordered };
}

function rankWarehouses(input: AllocationInput): RankedWarehouse[] {
  return input.warehouses
    .map((w) => ({
      code: w.code,
      distanceKm: greatCircleDistanceKm(input.shipTo, w),
      available: new Map(
        Object.entries(w.available).map(([sku, units]) => [sku, wholeUnitsAtLeastZero(units)]),
      ),
    }))
    .sort((a, b) => a.distanceKm - b.distanceKm || compareCodes(a.code, b.code));
}

const stockOf = (warehouse: RankedWarehouse, sku: string): number =>
  warehouse.available.get(sku) ?? 0;

const wholeUnitsAtLeastZero = (units: number): number =>
  Number.isFinite(units) && units > 0 ? Math.floor(units) : 0;

const copyLine = (line: AllocationLine): AllocationLine => ({
  lineId: line.lineId,
  sku: line.sku,
  quantity: line.quantity,
});

function totalsBySku(lines: readonly AllocationLine[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.sku, (totals.get(line.sku) ?? 0) + line.quantity);
  return totals;
}

/** Programming errors, not customer errors: intake validates orders before sourcing sees them. */
function assertValidInput(input: AllocationInput): void {
  const { maxExtraKmForSingleWarehouse: maxExtra } = input;
  if (!(Number.isFinite(maxExtra) && maxExtra >= 0)) {
    throw new RangeError(`maxExtraKmForSingleWarehouse must be a number ≥ 0, got ${maxExtra}`);
  }
  const lineIds = new Set<string>();
  for (const line of input.lines) {
    if (!Number.isInteger(line.quantity) || line.quantity <= 0) {
      throw new RangeError(
        `line ${line.lineId}: quantity must be a positive integer, got ${line.quantity}`,
      );
    }
    if (lineIds.has(line.lineId)) throw new RangeError(`line ${line.lineId} appears twice`);
    lineIds.add(line.lineId);
  }
  const codes = new Set<string>();
  for (const warehouse of input.warehouses) {
    if (codes.has(warehouse.code))
      throw new RangeError(`warehouse ${warehouse.code} appears twice`);
    codes.add(warehouse.code);
  }
}
