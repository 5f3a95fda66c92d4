// Where reference rates come from: a file (the CLI, an upload) or an adapter that fetches them.
// The ECB adapter GETs the daily XML; tests point it at a local HTTP server serving a fixture.
import { parseEcbRates, RateFileError, type RateFile } from './ecb-rates';

export interface RateSource {
  /** Names the source on each imported rate. */
  readonly name: string;
  fetchRates(): Promise<RateFile>;
}

export class RateSourceUnavailable extends Error {}

/** The ECB's eurofxref-daily.xml (or -hist.xml, or a CSV) at `url`. */
export function ecbRateSource(url: string, timeoutMs = 10_000): RateSource {
  const file = url.split('/').at(-1) || url;
  return {
    name: `ECB ${file}`,
    async fetchRates() {
      let text: string;
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
        if (!response.ok) throw new RateSourceUnavailable(`${url} answered ${response.status}`);
        text = await response.text();
      } catch (error) {
        if (error instanceof RateSourceUnavailable) throw error;
        throw new RateSourceUnavailable(`${url} could not be reached: ${(error as Error).message}`);
      }
      try {
        return parseEcbRates(text);
      } catch (error) {
        if (error instanceof RateFileError)
          throw new RateSourceUnavailable(`${url} sent no reference rates: ${error.message}`);
        throw error;
      }
    },
  };
}
