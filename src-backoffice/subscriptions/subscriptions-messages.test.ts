// Every language of the subscriptions area says everything English says (no key falls back to
// English unseen), and the actions offered follow the subscription's state.
import { describe, expect, it } from 'vitest';
import type { Messages } from '../i18n/i18n';
import de from './messages/de';
import en from './messages/en';
import fr from './messages/fr';
import nl from './messages/nl';
import { allowedActions } from './SubscriptionActions';

const keysOf = (messages: Messages, prefix = ''): string[] =>
  Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );

describe('subscriptions messages', () => {
  it.each([
    ['nl', nl],
    ['de', de],
    ['fr', fr],
  ])('%s has exactly the keys of en, each with the same placeholders', (_language, messages) => {
    expect(keysOf(messages).sort()).toEqual(keysOf(en).sort());
    const placeholders = (m: Messages): [string, string[]][] =>
      keysOf(m).map((key) => {
        const text = key.split('.').reduce<unknown>((at, part) => (at as Messages)[part], m);
        return [key, [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((x) => x[1]!).sort()];
      });
    expect(new Map(placeholders(messages))).toEqual(new Map(placeholders(en)));
  });
});

describe('subscription actions offered', () => {
  it('offers skip, pause and cancel when active, resume and cancel when paused, nothing after', () => {
    expect(allowedActions('active')).toEqual(['skip_next', 'pause', 'cancel']);
    expect(allowedActions('paused')).toEqual(['resume', 'cancel']);
    expect(allowedActions('cancelled')).toEqual([]);
    expect(allowedActions('expired')).toEqual([]);
  });
});
