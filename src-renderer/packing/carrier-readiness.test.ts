import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reason } from '../../shared/reasons/reason';
import { en } from '../i18n/en';
import { nl } from '../i18n/nl';
import {
  carrierReadiness,
  READINESS_MESSAGE,
  readinessTone,
  type CarrierStatus,
} from './carrier-readiness';

type Setting = CarrierStatus['carriers'][number];
const makeStatus = (...carriers: Setting[]): CarrierStatus => ({ known: true, carriers });
const ready = (carrier: string, extra: Partial<Setting> = {}): Setting => ({
  carrier,
  status: 'ready',
  ...extra,
});

describe('carrier readiness before packing', () => {
  it('says the own carrier labels, online or not, whatever main knows', () => {
    for (const online of [true, false])
      for (const status of [null, { known: false, carriers: [] }, makeStatus()])
        expect(carrierReadiness('own', status, online)).toEqual({ state: 'own' });
  });

  it('is still checking until main has answered, and waits while main has no settings', () => {
    expect(carrierReadiness('gls', null, true)).toEqual({ state: 'checking', carrier: 'gls' });
    expect(carrierReadiness('gls', { known: false, carriers: [] }, true)).toEqual({
      state: 'settings-unknown',
      carrier: 'gls',
    });
  });

  it('is ready for a carrier with credentials while online and answering', () => {
    const r = carrierReadiness('dpd', makeStatus(ready('dpd'), ready('gls')), true);
    expect(r).toEqual({ state: 'ready', carrier: 'dpd' });
    expect(readinessTone(r)).toBe('ok');
  });

  it('says labels queue while the station is offline, even for a carrier that was failing', () => {
    const status = makeStatus(ready('dpd', { unreachableSince: '2026-12-04T08:00:00.000Z' }));
    const r = carrierReadiness('dpd', status, false);
    expect(r).toEqual({ state: 'offline', carrier: 'dpd' });
    expect(readinessTone(r)).toBe('warn');
  });

  it('says since when a carrier does not answer and why, learnt from failed label calls', () => {
    const failure = reason('carrier_failed', { carrier: 'DHL Parcel', status: 503 });
    const status = makeStatus(
      ready('dhl-parcel', { unreachableSince: '2026-12-04T08:00:00.000Z', lastFailure: failure }),
    );
    const r = carrierReadiness('dhl-parcel', status, true);
    expect(r).toEqual({
      state: 'unreachable',
      carrier: 'dhl-parcel',
      since: '2026-12-04T08:00:00.000Z',
      failure,
    });
    expect(readinessTone(r)).toBe('warn');
  });

  it('says the own carrier labels by the warehouse setting, offline too', () => {
    const status = makeStatus({ carrier: 'ups', status: 'fallback-to-own' });
    for (const online of [true, false]) {
      const r = carrierReadiness('ups', status, online);
      expect(r).toEqual({ state: 'fallback-to-own', carrier: 'ups' });
      expect(readinessTone(r)).toBe('warn');
    }
  });

  it('is a configuration error without credentials and without the fallback, with main’s reason', () => {
    const why = reason('carrier_credentials_unusable', { carrier: 'bpost' });
    const r = carrierReadiness(
      'bpost',
      makeStatus({ carrier: 'bpost', status: 'not-configured', reason: why }),
      true,
    );
    expect(r).toEqual({ state: 'not-configured', carrier: 'bpost', reason: why });
    expect(readinessTone(r)).toBe('error');
  });

  it('treats a carrier the warehouse has no setting for as not configured (main refuses it)', () => {
    expect(carrierReadiness('fedex', makeStatus(ready('dpd')), true)).toEqual({
      state: 'not-configured',
      carrier: 'fedex',
    });
  });

  it('names a message in every station language for every state', () => {
    for (const key of Object.values(READINESS_MESSAGE)) {
      const [group, name] = key.split('.') as ['packCarrier', keyof typeof en.packCarrier];
      expect(en[group][name], key).toMatch(/\S/);
      expect(nl[group][name], key).toMatch(/\S/);
    }
  });

  const settingArb = fc.record({
    carrier: fc.constantFrom('postnl', 'dpd', 'gls', 'ups'),
    status: fc.constantFrom('ready', 'fallback-to-own', 'not-configured') as fc.Arbitrary<
      Setting['status']
    >,
    unreachableSince: fc.option(fc.constant('2026-12-04T08:00:00.000Z'), { nil: undefined }),
  });

  it('only calls a carrier ready when main has credentials for it, is online and it answers', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('postnl', 'dpd', 'gls', 'ups', 'fedex'),
        fc.array(settingArb, { maxLength: 5 }),
        fc.boolean(),
        fc.boolean(),
        (carrier, settings, known, online) => {
          const status = { known, carriers: settings };
          const r = carrierReadiness(carrier, status, online);
          const setting = settings.find((s) => s.carrier === carrier);
          const labelsNow =
            known && online && setting?.status === 'ready' && !setting.unreachableSince;
          expect(r.state === 'ready').toBe(labelsNow);
          // An error only where confirming cannot give a label until an admin acts.
          expect(readinessTone(r) === 'error').toBe(
            known && (setting === undefined || setting.status === 'not-configured'),
          );
        },
      ),
    );
  });
});
