// The text of each page of a PDF drawn by pdf-lib, for tests.
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';

/** Text drawn by pdf-lib's standard fonts: hex strings before Tj, one byte per WinAnsi character. */
export async function pdfTexts(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const objects =
      contents instanceof PDFArray
        ? contents.asArray().map((ref) => doc.context.lookup(ref))
        : [contents];
    const operators = objects
      .filter((stream): stream is PDFRawStream => stream instanceof PDFRawStream)
      .map((stream) => new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode()))
      .join('\n');
    const hexStrings = operators.match(/<[0-9A-Fa-f]*> Tj/g) ?? [];
    return hexStrings
      .map((op) =>
        (op.slice(1, op.indexOf('>')).match(/../g) ?? [])
          .map((hex) => String.fromCharCode(parseInt(hex, 16)))
          .join(''),
      )
      .join('\n');
  });
}
