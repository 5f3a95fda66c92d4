// Hostile bodies for the station push routes, as plans fast-check can shrink: a plan picks a
// collection, a base document (a fresh one of the fuzzing station, a replay of its own or of
// another station's stored document) and mutations (wrong types, huge strings, bad dates, foreign
// ids, NUL and lone surrogates, deep nesting); `buildPushBody` turns it into the bytes sent.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { FulfillmentDoc } from '../../shared/sync/documents';
import { makeShipment, makeWork, type EnrolledTestStation } from '../support/sync-fixtures';
import { makeItem, makeReceipt } from './returns-helpers';

export interface PushWorld {
  fuzz: EnrolledTestStation;
  /** Released fulfillments of the fuzzing station's warehouse. */
  fulfillments: FulfillmentDoc[];
  /** Fulfillments of another warehouse. */
  foreignFulfillments: FulfillmentDoc[];
  /** RMAs of the fuzzing station's warehouse, and of another. */
  rmaIds: string[];
  foreignRmaIds: string[];
  /** Other stations: their ids, and their stored documents as they were pulled. */
  victimStationIds: string[];
  victimDocs: { collection: string; doc: Record<string, unknown> }[];
}

export type Stored = { collection: string; doc: Record<string, unknown> };

const WRITABLE = ['shipments', 'work', 'returns'] as const;
const PATHS: Record<(typeof WRITABLE)[number], string[]> = {
  shipments: [
    'id fulfillmentId stationId operatorId carrier service cartons cartons.0',
    'cartons.0.id cartons.0.sscc cartons.0.boxType cartons.0.weightGrams cartons.0.items',
    'cartons.0.items.0.lineId cartons.0.items.0.sku cartons.0.items.0.quantity',
    'cartons.0.items.0.lot cartons.0.items.0.expiry cartons.0.trackingNumber',
    'cartons.0.labelState status refusalReason confirmedAt _deleted',
  ].flatMap((l) => l.split(' ')),
  work: [
    'id fulfillmentId stationId operatorId stage picked picked.x shorts shorts.0.lineId',
    'shorts.0.quantity shorts.0.reason shorts.0.at shorts.0.note batch batch.position',
    'batch.tote _deleted',
  ].flatMap((l) => l.split(' ')),
  returns: [
    'id rmaId stationId operatorId items items.0.id items.0.sku items.0.quantity',
    'items.0.grade items.0.disposition items.0.binCode items.0.match note status',
    'refusalReason refundMinor receivedAt _deleted',
  ].flatMap((l) => l.split(' ')),
};
const TIME_PATHS = ['confirmedAt', 'shorts.0.at', 'receivedAt', 'cartons.0.items.0.expiry'];

type Mutation =
  | { kind: 'set'; path: number; value: unknown }
  | { kind: 'delete'; path: number }
  | { kind: 'huge'; path: number; length: number }
  | { kind: 'time'; path: number; value: string }
  | { kind: 'foreign'; field: 'id' | 'fulfillmentId' | 'rmaId' | 'stationId'; pick: number }
  | { kind: 'unstorable'; path: number; char: string }
  | { kind: 'deep'; depth: number };

interface RowPlan {
  base: 'fresh' | 'own' | 'victim';
  /** Put the fuzzing station's id on the document (a takeover of another station's one). */
  claim: boolean;
  pick: number;
  shorts: number;
  status: string;
  mutations: Mutation[];
  assumed: 'none' | 'master' | 'stale' | 'junk';
}

export type PushPlan =
  | { kind: 'rows'; collection: string; rows: RowPlan[]; duplicate: boolean }
  | { kind: 'raw'; collection: string; text: string }
  | { kind: 'shape'; collection: string; body: unknown };

const wildValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(null, '', 0, -1, 1e20, 0.5, 2 ** 31, true, [], {}, '2025-01-01T00:00:00Z'),
  fc.string({ maxLength: 100 }),
  fc.uuid(),
);
const badTime = fc.oneof(
  fc.constantFrom(
    'not a date',
    '',
    '2025-02-30T00:00:00Z',
    '2025-01-01T25:00:00Z',
    '2025-01-01',
    '2025-01-01T10:00:00',
    '0000-01-01T00:00:00Z',
    '+275760-09-13T00:00:00Z',
    '1999-12-31T23:59:59Z',
    '2101-01-01T00:00:00Z',
    '2025-13-01',
    '20250101',
  ),
  fc.string({ maxLength: 40 }),
);
const foreignMutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constant('foreign' as const),
  field: fc.constantFrom('id', 'fulfillmentId', 'rmaId', 'stationId'),
  pick: fc.nat(),
});
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    arbitrary: fc.record({ kind: fc.constant('set'), path: fc.nat(), value: wildValue }),
    weight: 4,
  },
  fc.record({ kind: fc.constant('delete'), path: fc.nat() }),
  fc.record({
    kind: fc.constant('huge'),
    path: fc.nat(),
    length: fc.oneof(
      fc.integer({ min: 81, max: 2_000 }),
      fc.integer({ min: 50_000, max: 300_000 }),
    ),
  }),
  {
    arbitrary: fc.record({ kind: fc.constant('time'), path: fc.nat(), value: badTime }),
    weight: 2,
  },
  { arbitrary: foreignMutation, weight: 3 },
  fc.record({
    kind: fc.constant('unstorable'),
    path: fc.nat(),
    char: fc.constantFrom('\u0000', '\ud800', '\udc00', 'a\u0000b'),
  }),
  fc.record({ kind: fc.constant('deep'), depth: fc.integer({ min: 10, max: 3_000 }) }),
) as fc.Arbitrary<Mutation>;

const rowPlan: fc.Arbitrary<RowPlan> = fc.record({
  base: fc.constantFrom('fresh', 'fresh', 'fresh', 'own', 'victim'),
  pick: fc.nat(),
  shorts: fc.integer({ min: 0, max: 2 }),
  status: fc.constantFrom('confirmed', 'confirmed', 'open', 'accepted', 'submitted', 'refused'),
  claim: fc.boolean(),
  mutations: fc.oneof(
    { arbitrary: fc.constant<Mutation[]>([]), weight: 4 },
    { arbitrary: foreignMutation.map((m) => [m]), weight: 2 },
    { arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }), weight: 4 },
  ),
  assumed: fc.constantFrom('none', 'none', 'master', 'stale', 'junk'),
});

const collection = fc.oneof(
  { arbitrary: fc.constantFrom(...WRITABLE), weight: 12 },
  fc.constantFrom('fulfillments', 'products', 'rmas', 'operators', 'nope', '%2E%2E', 'work%00'),
);

const rawText = fc.oneof(
  fc.constantFrom(
    '{',
    'null',
    '[]',
    '"rows"',
    '{"rows":[{"newDocumentState":{"__proto__":{"x":1},"id":"p","_deleted":false}}]}',
    '{"rows":[{"newDocumentState":{"constructor":{"prototype":{"x":1}},"id":"p","_deleted":false}}]}',
    '{"rows":[{"newDocumentState":{"id":"n","_deleted":false,"x":NaN}}]}',
  ),
  fc
    .integer({ min: 1_000, max: 600_000 })
    .map(
      (depth) =>
        `{"rows":[{"newDocumentState":{"id":"deep","_deleted":false,"extra":${'['.repeat(depth)}${']'.repeat(depth)}}}]}`,
    ),
  fc.string({ maxLength: 200 }),
);

const shape = fc.oneof(
  fc.constant({ rows: [] }),
  fc.constant({}),
  wildValue.map((rows) => ({ rows })),
  wildValue.map((row) => ({ rows: [row] })),
  wildValue.map((doc) => ({ rows: [{ newDocumentState: doc }] })),
  fc.constant('many'),
);

export const pushPlan: fc.Arbitrary<PushPlan> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('rows' as const),
      collection,
      rows: fc.array(rowPlan, { minLength: 1, maxLength: 3 }),
      duplicate: fc.boolean().map((b) => b && Math.random() < 0.2),
    }),
    weight: 10,
  },
  fc.record({ kind: fc.constant('raw' as const), collection, text: rawText }),
  fc.record({ kind: fc.constant('shape' as const), collection, body: shape }),
);

const at = <T>(list: readonly T[], n: number): T | undefined =>
  list.length === 0 ? undefined : list[n % list.length];

function setPath(doc: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node: Record<string, unknown> = doc;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
}

function deletePath(doc: Record<string, unknown>, path: string): void {
  const keys = path.split('.');
  let node: unknown = doc;
  for (const key of keys.slice(0, -1)) {
    node =
      typeof node === 'object' && node !== null
        ? (node as Record<string, unknown>)[key]
        : undefined;
  }
  if (typeof node === 'object' && node !== null)
    delete (node as Record<string, unknown>)[keys.at(-1)!];
}

function freshDoc(world: PushWorld, name: string, row: RowPlan): Record<string, unknown> {
  const fulfillment = at(world.fulfillments, row.pick)!;
  if (name === 'work') {
    const shorts = fulfillment.lines.slice(0, row.shorts).map((l) => ({
      lineId: l.lineId,
      sku: l.sku,
      quantity: 1,
      reason: 'not_found',
      note: null,
      operatorId: 'op-1',
      at: new Date().toISOString(),
    }));
    return makeWork(world.fuzz, fulfillment, { shorts } as never) as never;
  }
  if (name === 'returns') {
    const rmaId = at([null, ...world.rmaIds], row.pick) ?? null;
    return makeReceipt(world.fuzz, rmaId, [makeItem(fulfillment.lines[0]!.sku)], {
      status: row.status === 'open' ? 'open' : 'submitted',
    }) as never;
  }
  return makeShipment(world.fuzz, fulfillment, {
    status: row.status === 'open' ? 'open' : 'confirmed',
  }) as never;
}

function foreignValue(world: PushWorld, field: string, pick: number): unknown {
  const victimIds = world.victimDocs.map((v) => v.doc.id);
  switch (field) {
    case 'id':
      return at(victimIds, pick);
    case 'fulfillmentId':
      return at([...world.foreignFulfillments.map((f) => f.id), 'nope', randomUUID()], pick);
    case 'rmaId':
      return at([...world.foreignRmaIds, 'RMA-TYPO', randomUUID()], pick);
    default:
      return at(world.victimStationIds, pick);
  }
}

function deepValue(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { v: value };
  return value;
}

function rowDoc(world: PushWorld, name: string, row: RowPlan, own: readonly Stored[]) {
  const paths = PATHS[name as (typeof WRITABLE)[number]] ?? PATHS.shipments;
  const mine = own.filter((s) => s.collection === name);
  const base =
    row.base === 'own' && mine.length > 0
      ? structuredClone(at(mine, row.pick)!.doc)
      : row.base === 'victim'
        ? structuredClone(at(world.victimDocs, row.pick)!.doc)
        : freshDoc(world, name, row);
  const master = structuredClone(base);
  const doc: Record<string, unknown> = { ...base, _deleted: base._deleted ?? false };
  if (row.claim) doc.stationId = world.fuzz.stationId;
  for (const m of row.mutations) {
    if (m.kind === 'set') setPath(doc, at(paths, m.path)!, m.value);
    else if (m.kind === 'delete') deletePath(doc, at(paths, m.path)!);
    else if (m.kind === 'huge') setPath(doc, at(paths, m.path)!, 'x'.repeat(m.length));
    else if (m.kind === 'time') setPath(doc, at(TIME_PATHS, m.path)!, m.value);
    else if (m.kind === 'foreign') doc[m.field] = foreignValue(world, m.field, m.pick);
    else if (m.kind === 'unstorable') setPath(doc, at(paths, m.path)!, `op${m.char}`);
    else doc.extra = deepValue(m.depth);
  }
  const assumed =
    row.assumed === 'master'
      ? master
      : row.assumed === 'stale'
        ? { ...master, operatorId: 'someone-else' }
        : row.assumed === 'junk'
          ? { id: String(doc.id ?? 'junk'), _deleted: false, junk: deepValue(5) }
          : undefined;
  return {
    ...(assumed ? { assumedMasterState: { _deleted: false, ...assumed } } : {}),
    newDocumentState: doc,
  };
}

/** The URL and the exact body text a plan sends. */
export function buildPushBody(
  plan: PushPlan,
  world: PushWorld,
  own: readonly Stored[],
): { url: string; text: string } {
  const url = `/v1/sync/${plan.collection}/push`;
  if (plan.kind === 'raw') return { url, text: plan.text };
  if (plan.kind === 'shape') {
    if (plan.body !== 'many') return { url, text: JSON.stringify(plan.body) ?? 'null' };
    const row = { newDocumentState: freshDoc(world, plan.collection, rowPlanDefaults) };
    return { url, text: JSON.stringify({ rows: Array.from({ length: 501 }, () => row) }) };
  }
  const rows = plan.rows.map((row) => rowDoc(world, plan.collection, row, own));
  if (plan.duplicate) rows.push(rows[0]!);
  return { url, text: JSON.stringify({ rows }) };
}

const rowPlanDefaults: RowPlan = {
  base: 'fresh',
  claim: false,
  pick: 0,
  shorts: 0,
  status: 'confirmed',
  mutations: [],
  assumed: 'none',
};
