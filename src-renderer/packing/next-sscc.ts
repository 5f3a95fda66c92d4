// A carton's SSCC comes from the range the central OMS leased to this station (main holds the
// lease; see shared/station-api/numbering.ts), so cartons can be numbered offline.
import { isValidSscc } from '../../shared/gs1/sscc';
import type { ReasonMessage } from '../../shared/reasons/reason';
import type { StationApi } from '../../shared/station-api';
import { StationApiError } from '../../shared/station-api';
import { station } from '../station-api/connect';

export class SsccUnavailableError extends Error {
  constructor(
    message: string,
    readonly why: ReasonMessage = { reason: null, sentence: message },
  ) {
    super(message);
    this.name = 'SsccUnavailableError';
  }
}

/** The next SSCC for a carton; throws SsccUnavailableError when the station has none to give. */
export async function nextSscc(api: Pick<StationApi, 'allocateSscc'> = station()): Promise<string> {
  try {
    const { sscc } = await api.allocateSscc({});
    if (!isValidSscc(sscc))
      throw new SsccUnavailableError(`The station gave an invalid SSCC: ${sscc}`);
    return sscc;
  } catch (err) {
    if (err instanceof SsccUnavailableError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    const reason = err instanceof StationApiError ? (err.reason ?? null) : null;
    throw new SsccUnavailableError(message, { reason, sentence: message });
  }
}
