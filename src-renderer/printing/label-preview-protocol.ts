// Messages between the label preview and its Web Worker. A 4×6 in label, at the printer's dpi.
export type PreviewDpi = 203 | 300;

export interface PreviewRequest {
  id: number;
  zpl: string;
  widthMm: number;
  heightMm: number;
  dotsPerMm: number;
}

export type PreviewResponse =
  { id: number; ok: true; pngsBase64: string[] } | { id: number; ok: false; message: string };

export function previewRequest(id: number, zpl: string, dpi: PreviewDpi): PreviewRequest {
  // zpl-renderer-js counts resolution in dots per mm: 203 dpi is 8, 300 dpi is 12.
  return { id, zpl, widthMm: 101.6, heightMm: 152.4, dotsPerMm: dpi === 300 ? 12 : 8 };
}
