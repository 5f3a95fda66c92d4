import { describe, expect, it } from 'vitest';
import { hashPin } from '../../shared/operators/pin-hash';
import { LOCALES } from '../../shared/people/roles';
import { OperatorDoc } from '../../shared/sync/documents';
import { classifyScan } from '../../shared/barcodes';
import { badgeFromScan, checkSignIn, normaliseBadge } from './sign-in';

const salt = '00112233445566778899aabbccddeeff';

async function makeOperator(overrides: Partial<OperatorDoc> = {}): Promise<OperatorDoc> {
  return {
    id: 'op-7',
    badge: 'OP-0007',
    name: 'Sanne de Vries',
    pinSalt: salt,
    pinHash: await hashPin('4821', salt),
    locale: 'nl',
    active: true,
    updatedAt: 12,
    ...overrides,
  };
}

function directory(operators: OperatorDoc[]) {
  return async (badge: string) => operators.find((o) => o.badge === badge) ?? null;
}

describe('signing in at the station', () => {
  it('signs in a packer by scanned badge and PIN and carries their language', async () => {
    const result = await checkSignIn(directory([await makeOperator()]), 'u:op-0007', '4821');
    expect(result).toEqual({
      ok: true,
      operator: { id: 'op-7', name: 'Sanne de Vries', badge: 'OP-0007', locale: 'nl' },
    });
  });

  it.each(LOCALES)(
    'accepts a packer synced with language %s and signs them in in it',
    async (locale) => {
      const synced = OperatorDoc.parse(await makeOperator({ locale }));
      const result = await checkSignIn(directory([synced]), 'OP-0007', '4821');
      expect(result).toMatchObject({ ok: true, operator: { locale } });
    },
  );

  it('refuses a synced packer whose language the station does not know', async () => {
    expect(OperatorDoc.safeParse({ ...(await makeOperator()), locale: 'xx' }).success).toBe(false);
  });

  it('refuses a wrong PIN and an unknown badge with the same answer', async () => {
    const find = directory([await makeOperator()]);
    expect(await checkSignIn(find, 'OP-0007', '1111')).toEqual({
      ok: false,
      reason: 'unknown-or-wrong-pin',
    });
    expect(await checkSignIn(find, 'OP-9999', '4821')).toEqual({
      ok: false,
      reason: 'unknown-or-wrong-pin',
    });
  });

  it('refuses a deactivated packer even with the right PIN', async () => {
    const result = await checkSignIn(
      directory([await makeOperator({ active: false })]),
      'OP-0007',
      '4821',
    );
    expect(result).toEqual({ ok: false, reason: 'inactive' });
  });

  it('reads a typed badge with or without the printed prefix', () => {
    expect(normaliseBadge(' U:op-0007 ')).toBe('OP-0007');
    expect(normaliseBadge('op-0007')).toBe('OP-0007');
  });
});

describe('reading a badge from a scan', () => {
  const scanOf = (raw: string) => ({ raw, result: classifyScan(raw) });

  it('reads the printed U: code, and the bare badge of a synced packer (as the README gives it)', async () => {
    const find = directory([await makeOperator({ badge: 'NL-TIL-1' })]);
    expect(await badgeFromScan(scanOf('U:NL-TIL-1'), find)).toBe('NL-TIL-1');
    expect(await badgeFromScan(scanOf('NL-TIL-1'), find)).toBe('NL-TIL-1');
    expect(await badgeFromScan(scanOf('nl-til-1'), find)).toBe('NL-TIL-1');
    expect(await badgeFromScan(scanOf(']C0NL-TIL-1'), find)).toBe('NL-TIL-1');
  });

  it('takes no other scan for a badge', async () => {
    const find = directory([await makeOperator({ badge: 'NL-TIL-1' })]);
    for (const raw of ['NL-TIL-2', 'B:NL-TIL-1', '6291041500213', 'CMD:DONE', ''])
      expect(await badgeFromScan(scanOf(raw), find)).toBeNull();
  });
});
