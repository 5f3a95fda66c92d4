import { describe, expect, it } from 'vitest';
import { buildSscc } from '../../shared/gs1/sscc';
import { nextSscc, SsccUnavailableError } from './next-sscc';

describe('numbering a carton', () => {
  it('takes the SSCC the station leased', async () => {
    const sscc = buildSscc({ companyPrefix: '8712345', extensionDigit: 0 }, 42);
    expect(await nextSscc({ allocateSscc: async () => ({ sscc }) })).toBe(sscc);
  });

  it('refuses an SSCC with a wrong check digit, and says why when the station has none', async () => {
    const valid = buildSscc({ companyPrefix: '8712345', extensionDigit: 0 }, 42);
    const wrongCheckDigit = `${valid.slice(0, 17)}${(Number(valid.at(-1)) + 1) % 10}`;
    await expect(
      nextSscc({ allocateSscc: async () => ({ sscc: wrongCheckDigit }) }),
    ).rejects.toBeInstanceOf(SsccUnavailableError);
    const offline = nextSscc({
      allocateSscc: async () => {
        throw new Error('No SSCC numbers left: connect to the central OMS');
      },
    });
    await expect(offline).rejects.toThrow('No SSCC numbers left');
  });
});
