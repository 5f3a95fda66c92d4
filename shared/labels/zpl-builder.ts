/**
 * A small ZPL writer. Templates lay a 4×6 in label out once in 203-dpi dots; the builder scales
 * every coordinate to the printer's dpi. All user text goes through ^FH hex escapes so an
 * address containing "^XZ" or "~JR" prints as text instead of ending the label or resetting it.
 */
export type LabelDpi = 203 | 300;

export const LABEL_LAYOUT_DPI = 203;
/** 4 × 6 in at 203 dpi. */
export const LABEL_LAYOUT_WIDTH = 812;
export const LABEL_LAYOUT_HEIGHT = 1218;

/** Average width of a ^A0 glyph relative to its height; used to cut text that would run off the label. */
const A0_WIDTH_RATIO = 0.55;

/** Makes text safe inside ^FH^FD…^FS: ^, ~ and the escape _ itself become hex; controls become spaces. */
export function escapeZplText(value: string): string {
  return Array.from(value, (char) => {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return ' ';
    return '^~_\\'.includes(char) ? `_${code.toString(16).toUpperCase()}` : char;
  }).join('');
}

/** Shortens text to fit `widthDots` at font height `heightDots` (both layout dots), marking the cut with "...". */
export function fitText(value: string, widthDots: number, heightDots: number): string {
  const maxChars = Math.max(4, Math.floor(widthDots / (heightDots * A0_WIDTH_RATIO)));
  const chars = Array.from(value);
  return chars.length <= maxChars ? value : `${chars.slice(0, maxChars - 3).join('')}...`;
}

/** Breaks text into lines at spaces so each fits `widthDots` at `heightDots`; long words are cut by fitText. */
export function wrapText(value: string, widthDots: number, heightDots: number): string[] {
  const maxChars = Math.max(4, Math.floor(widthDots / (heightDots * A0_WIDTH_RATIO)));
  const lines: string[] = [];
  let current = '';
  for (const word of value.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (Array.from(candidate).length <= maxChars || !current) current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  return lines;
}

export interface TextOptions {
  /** Text wider than this (layout dots) is cut; defaults to the label width minus the x position and margin. */
  maxWidth?: number;
}

export interface Code128Options {
  height: number;
  /** Preferred narrow-bar width in layout dots; shrinks when the data would not fit `maxWidth`. */
  moduleWidth: number;
  maxWidth: number;
  humanReadable: boolean;
}

export class ZplLabel {
  private readonly commands: string[] = [];
  private readonly scale: number;

  constructor(readonly dpi: LabelDpi) {
    this.scale = dpi / LABEL_LAYOUT_DPI;
  }

  /** Layout dots (203 dpi) to printer dots. */
  dots(layoutDots: number): number {
    return Math.round(layoutDots * this.scale);
  }

  text(x: number, y: number, height: number, value: string, options: TextOptions = {}): this {
    const maxWidth = options.maxWidth ?? LABEL_LAYOUT_WIDTH - x - 20;
    const h = this.dots(height);
    this.commands.push(
      `^FO${this.dots(x)},${this.dots(y)}^A0N,${h},${h}^FH^FD${escapeZplText(fitText(value, maxWidth, height))}^FS`,
    );
    return this;
  }

  /** Text lines stacked at a fixed pitch; returns the y below the last line. */
  lines(
    x: number,
    y: number,
    height: number,
    values: readonly string[],
    options: TextOptions = {},
  ): number {
    const pitch = Math.round(height * 1.2);
    values.forEach((value, i) => this.text(x, y + i * pitch, height, value, options));
    return y + values.length * pitch;
  }

  box(x: number, y: number, width: number, height: number, thickness: number): this {
    const t = Math.max(1, this.dots(thickness));
    this.commands.push(
      `^FO${this.dots(x)},${this.dots(y)}^GB${Math.max(t, this.dots(width))},${Math.max(t, this.dots(height))},${t}^FS`,
    );
    return this;
  }

  hline(x: number, y: number, width: number, thickness = 3): this {
    return this.box(x, y, width, thickness, thickness);
  }

  /** Code 128 of printable ASCII; ">" is written as "><" because ^BC reads ">" as an invocation code. */
  code128(x: number, y: number, data: string, options: Code128Options): this {
    if (!/^[\x20-\x7e]+$/.test(data) || /[\^~]/.test(data)) {
      throw new Error(`Code 128 data must be printable ASCII without ^ or ~, got "${data}"`);
    }
    // Worst case subset B: start + one symbol per character + check + stop (13 modules).
    const modules = (data.length + 2) * 11 + 13;
    const moduleWidth = this.fitModuleWidth(modules, options);
    const hri = options.humanReadable ? 'Y' : 'N';
    this.commands.push(
      `^FO${this.dots(x)},${this.dots(y)}^BY${moduleWidth}^BCN,${this.dots(options.height)},${hri},N,N^FD${data.replace(/>/g, '><')}^FS`,
    );
    return this;
  }

  /** GS1-128 with AI (00): ">;" starts subset C, ">8" is FNC1, then "00" and the 18 digits. */
  ssccBarcode(
    x: number,
    y: number,
    sscc: string,
    options: Omit<Code128Options, 'humanReadable'>,
  ): this {
    if (!/^\d{18}$/.test(sscc)) throw new Error(`SSCC must be 18 digits, got "${sscc}"`);
    // start C + FNC1 + 10 digit pairs + check + stop.
    const moduleWidth = this.fitModuleWidth(13 * 11 + 13, options);
    this.commands.push(
      `^FO${this.dots(x)},${this.dots(y)}^BY${moduleWidth}^BCN,${this.dots(options.height)},N,N,N^FD>;>800${sscc}^FS`,
    );
    return this;
  }

  toZpl(): string {
    const header = `^XA^CI28^PW${this.dots(LABEL_LAYOUT_WIDTH)}^LL${this.dots(LABEL_LAYOUT_HEIGHT)}^LH0,0`;
    return `${header}\n${this.commands.join('\n')}\n^PQ1^XZ\n`;
  }

  private fitModuleWidth(
    modules: number,
    options: { moduleWidth: number; maxWidth: number },
  ): number {
    const fitting = Math.floor(this.dots(options.maxWidth) / modules);
    return Math.max(1, Math.min(this.dots(options.moduleWidth), fitting));
  }
}
