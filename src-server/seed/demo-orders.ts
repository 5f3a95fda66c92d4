// Demo orders: B2C and B2B mixed, spread over the last 90 days, placed through the real intake
// (sourcing, reservations, shipping), oldest first.
import type { CanonicalOrder, PostalAddressInput } from '../../shared/orders/order-schema';
import type { DemoProduct } from './demo-catalog';
import type { Random } from './prng';

const FIRST_NAMES = [
  'Emma',
  'Daan',
  'Sophie',
  'Lucas',
  'Julia',
  'Noah',
  'Lotte',
  'Finn',
  'Zoë',
  'Mila',
  'Jens',
  'Anouk',
  'Thijs',
  'Élodie',
  'Jürgen',
  'Ελένη',
  'Ayşe',
  'Mateusz',
];
const LAST_NAMES = [
  'de Vries',
  'Janssens',
  'Peeters',
  'Bakker',
  'Müller',
  'Schmidt',
  'Visser',
  'Maes',
  'Dubois',
  'Wagner',
  'Çelik',
  'Παπαδοπούλου',
  'Nowak',
  'van den Berg',
];
const COMPANIES = [
  'Bakkerij Verhoeven BV',
  'Fietsenmaker Jansen',
  'Hotel De Zwaan',
  'Kantoorhuis Gent NV',
  'Müller Bürobedarf GmbH',
  'Café Central',
  'Studio Noord',
  'Lindenhof Praxis',
  'Brasserie Maes',
  'Tuincentrum Groen',
  'Werkplaats 21',
  'Atelier Lumière SPRL',
];

/** Real-ish destinations: [country, postal code, city, street]. */
const DESTINATIONS: readonly [string, string, string, string][] = [
  ['NL', '1012 AB', 'Amsterdam', 'Damrak'],
  ['NL', '3011 AD', 'Rotterdam', 'Coolsingel'],
  ['NL', '3511 AX', 'Utrecht', 'Oudegracht'],
  ['NL', '9711 LM', 'Groningen', 'Vismarkt'],
  ['NL', '6211 CK', 'Maastricht', 'Markt'],
  ['NL', '5611 EM', 'Eindhoven', 'Stratumseind'],
  ['BE', '1000', 'Brussel', 'Nieuwstraat'],
  ['BE', '2000', 'Antwerpen', 'Meir'],
  ['BE', '9000', 'Gent', 'Veldstraat'],
  ['BE', '4000', 'Liège', 'Rue Léopold'],
  ['BE', '8000', 'Brugge', 'Steenstraat'],
  ['DE', '10115', 'Berlin', 'Invalidenstraße'],
  ['DE', '50667', 'Köln', 'Hohe Straße'],
  ['DE', '80331', 'München', 'Kaufingerstraße'],
  ['DE', '20095', 'Hamburg', 'Mönckebergstraße'],
  ['DE', '40213', 'Düsseldorf', 'Königsallee'],
  ['FR', '75001', 'Paris', 'Rue de Rivoli'],
  ['LU', '1009', 'Luxembourg', 'Grand-Rue'],
];

export interface DemoOrder {
  channel: string;
  order: CanonicalOrder;
}

const DAY_MS = 86_400_000;

function address(random: Random, name: string, company?: string): PostalAddressInput {
  const [country, postalCode, city, street] = random.pick(DESTINATIONS);
  return { name, company, line1: `${street} ${random.int(1, 180)}`, postalCode, city, country };
}

export function demoOrders(
  random: Random,
  products: readonly DemoProduct[],
  count: number,
  now: Date,
): DemoOrder[] {
  const placedTimes = Array.from(
    { length: count },
    () => now.getTime() - Math.floor(random.next() * 90 * DAY_MS),
  ).sort((a, b) => a - b);
  return placedTimes.map((time, i) => {
    const b2b = random.chance(0.2);
    const lineCount = b2b ? random.int(3, 8) : random.int(1, 3);
    const chosen = new Set<DemoProduct>();
    while (chosen.size < lineCount) chosen.add(random.pick(products));
    const lines = [...chosen].map((product) => ({
      sku: product.sku,
      quantity: b2b ? random.int(4, 30) : random.int(1, 2),
    }));
    const person = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
    const local =
      person
        .normalize('NFKD')
        .replace(/[^A-Za-z]+/g, '.')
        .replace(/^\.+|\.+$/g, '')
        .toLowerCase() || 'klant';
    const email = `${local}${random.int(1, 400)}@example.com`;
    const currency = random.chance(0.05) ? 'GBP' : 'EUR';
    const placedAt = new Date(time).toISOString();
    const number = String(100001 + i);
    if (b2b) {
      const companyName = random.pick(COMPANIES);
      return {
        channel: random.chance(0.6) ? 'b2b-portal' : 'sales-rep',
        order: {
          channelOrderRef: `B2B-${number}`,
          placedAt,
          currency,
          poNumber: `PO-${random.int(10000, 99999)}`,
          customer: {
            type: 'company',
            companyName,
            buyer: { name: person, email },
            locale: random.chance(0.6) ? 'nl' : 'en',
          },
          shipTo: address(random, person, companyName),
          lines,
        },
      };
    }
    const channel = random.pick(['webshop', 'webshop', 'marketplace', 'social']);
    return {
      channel,
      order: {
        channelOrderRef: `${channel.slice(0, 2).toUpperCase()}-${number}`,
        placedAt,
        currency,
        customer: { type: 'person', name: person, email, locale: random.chance(0.6) ? 'nl' : 'en' },
        shipTo: address(random, person),
        lines,
        shippingChargedMinor: random.pick([0, 0, 495, 695]),
      },
    };
  });
}
