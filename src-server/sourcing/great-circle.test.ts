import { describe, expect, it } from 'vitest';
import { greatCircleDistanceKm } from './great-circle';

const amsterdam = { lat: 52.3676, lon: 4.9041 };
const brussels = { lat: 50.8503, lon: 4.3517 };
const berlin = { lat: 52.52, lon: 13.405 };
const sydney = { lat: -33.8688, lon: 151.2093 };

describe('great-circle distance', () => {
  it.each([
    ['Amsterdam', amsterdam, 'Brussels', brussels, 173.7],
    ['Amsterdam', amsterdam, 'Berlin', berlin, 576.7],
    ['Amsterdam', amsterdam, 'Sydney', sydney, 16_640],
  ])('measures %s to %s within 1%% of the published distance', (_a, a, _b, b, km) => {
    expect(greatCircleDistanceKm(a, b)).toBeGreaterThan(km * 0.99);
    expect(greatCircleDistanceKm(a, b)).toBeLessThan(km * 1.01);
  });

  it('is zero for the same point and symmetric', () => {
    expect(greatCircleDistanceKm(berlin, berlin)).toBe(0);
    expect(greatCircleDistanceKm(amsterdam, sydney)).toBeCloseTo(
      greatCircleDistanceKm(sydney, amsterdam),
      9,
    );
  });

  it('gives half the circumference for antipodal points', () => {
    const d = greatCircleDistanceKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 });
    expect(d).toBeCloseTo(Math.PI * 6371.0088, 3);
  });
});
