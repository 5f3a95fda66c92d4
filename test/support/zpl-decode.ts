/**
 * Renders ZPL the way the station preview does (zpl-renderer-js, WebAssembly) and reads the
 * barcodes back with zxing-wasm, so label tests check what a scanner would see.
 * Both modules load lazily and once per test process: the renderer is ~27 MB and takes ~1 s to start.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type * as ZplRendererModule from 'zpl-renderer-js';
import type * as ZxingReaderModule from 'zxing-wasm/reader';
import type { ReadResult } from 'zxing-wasm/reader';

export type RenderDpi = 203 | 300;

export interface DecodedBarcode {
  format: string;
  /** Content as scanned, FNC1 and AI brackets removed ("00" + 18 digits for an SSCC). */
  text: string;
  /** GS1 human-readable form, e.g. "(00)087123450000000012"; equals `text` for non-GS1 symbols. */
  hri: string;
  /** "]C1" for GS1-128, "]C0" for plain Code 128. */
  symbologyIdentifier: string;
  isGs1: boolean;
}

const LABEL_WIDTH_MM = 101.6;
const LABEL_HEIGHT_MM = 152.4;

type ZplRenderer = typeof ZplRendererModule;
const require = createRequire(import.meta.url);

let rendererApi: Promise<Awaited<ZplRenderer['ready']>['api']> | undefined;
let reader: Promise<typeof ZxingReaderModule> | undefined;

function loadRenderer() {
  // The CommonJS build through require: importing the 9 MB ESM build makes Vite transform it on every run.
  rendererApi ??= (require('zpl-renderer-js') as ZplRenderer).ready.then(({ api }) => api);
  return rendererApi;
}

function loadReader() {
  reader ??= import('zxing-wasm/reader').then((module) => {
    // Without the binary zxing-wasm fetches it from a CDN, which a build machine cannot reach.
    const wasm = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
    module.prepareZXingModule({
      overrides: {
        wasmBinary: wasm.buffer.slice(
          wasm.byteOffset,
          wasm.byteOffset + wasm.byteLength,
        ) as ArrayBuffer,
      },
      fireImmediately: true,
    });
    return module;
  });
  return reader;
}

/** One PNG per ^XA…^XZ label in the ZPL, 4×6 in at the given dpi. */
export async function renderZpl(zpl: string, dpi: RenderDpi = 203): Promise<Uint8Array[]> {
  const api = await loadRenderer();
  const dotsPerMm = dpi === 203 ? 8 : 12;
  const pages = await api.zplToBase64MultipleAsync(zpl, LABEL_WIDTH_MM, LABEL_HEIGHT_MM, dotsPerMm);
  return pages.map((base64) => new Uint8Array(Buffer.from(base64, 'base64')));
}

/** Every linear or 2D barcode zxing finds in a PNG, top to bottom. */
export async function decodeBarcodes(png: Uint8Array): Promise<DecodedBarcode[]> {
  const zxing = await loadReader();
  const [plain, hri] = await Promise.all([
    zxing.readBarcodes(png, { maxNumberOfSymbols: 20, textMode: 'Plain' }),
    zxing.readBarcodes(png, { maxNumberOfSymbols: 20, textMode: 'HRI' }),
  ]);
  const byTop = (a: ReadResult, b: ReadResult) => a.position.topLeft.y - b.position.topLeft.y;
  const hriSorted = [...hri].sort(byTop);
  return [...plain].sort(byTop).map((result, i) => ({
    format: result.format,
    text: result.text,
    hri: hriSorted[i]?.text ?? result.text,
    symbologyIdentifier: result.symbologyIdentifier,
    isGs1: result.symbologyIdentifier === ']C1',
  }));
}

/** Renders every label in the ZPL and decodes each; one array of barcodes per label. */
export async function renderAndDecode(
  zpl: string,
  dpi: RenderDpi = 203,
): Promise<DecodedBarcode[][]> {
  const pages = await renderZpl(zpl, dpi);
  return Promise.all(pages.map((png) => decodeBarcodes(png)));
}

/** Saves a rendered label for a human to look at (test-results/ is git-ignored). */
export function writeRenderedPng(path: string, png: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, png);
}
