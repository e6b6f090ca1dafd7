import AdmZip from 'adm-zip';
import { XMLParser } from 'fast-xml-parser';

/** A .docx read back: the text of every paragraph, in order, and the images it holds. */
export interface DocxContent {
  paragraphs: string[];
  text: string;
  images: string[];
  title: string;
}

/**
 * Opens a Word document the way Word would start to: a zip holding `word/document.xml` (parsed
 * as XML, so a malformed document fails here), its media, and the core properties.
 */
export function readDocx(body: Buffer): DocxContent {
  const zip = new AdmZip(body);
  const documentXml = zip.readAsText('word/document.xml');
  if (!documentXml) throw new Error('no word/document.xml: not a Word document');
  const parser = new XMLParser({ ignoreAttributes: true, preserveOrder: true, trimValues: false });
  const tree = parser.parse(documentXml) as unknown;
  const paragraphs: string[] = [];
  const walk = (node: unknown, inParagraph: string[] | undefined): void => {
    if (Array.isArray(node)) return node.forEach((child) => walk(child, inParagraph));
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === 'w:p') {
        const parts: string[] = [];
        walk(value, parts);
        paragraphs.push(parts.join(''));
      } else if (key === 'w:t' && inParagraph) {
        for (const child of value as { '#text'?: unknown }[]) if (child['#text'] !== undefined) inParagraph.push(String(child['#text']));
      } else walk(value, inParagraph);
    }
  };
  walk(tree, undefined);
  const core = zip.readAsText('docProps/core.xml') ?? '';
  return {
    paragraphs,
    text: paragraphs.join('\n'),
    images: zip
      .getEntries()
      .map((entry) => entry.entryName)
      .filter((name) => name.startsWith('word/media/')),
    title: /<dc:title>([^<]*)<\/dc:title>/.exec(core)?.[1] ?? '',
  };
}
