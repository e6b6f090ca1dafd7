import AdmZip from 'adm-zip';
import { XMLParser } from 'fast-xml-parser';

/** A .docx read back: the text of every paragraph, in order, and the images it holds. */
export interface DocxContent {
  paragraphs: string[];
  /** Every table, in order: its rows, each row's cells as text (a cell's paragraphs joined by newlines). */
  tables: string[][][];
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
  const tables: string[][][] = [];
  const textOf = (node: unknown): string => {
    const parts: string[] = [];
    const lines: string[] = [];
    const collect = (child: unknown): void => {
      if (Array.isArray(child)) return child.forEach(collect);
      if (!child || typeof child !== 'object') return;
      for (const [key, value] of Object.entries(child as Record<string, unknown>)) {
        if (key === 'w:p') {
          const before = parts.length;
          collect(value);
          lines.push(parts.splice(before).join(''));
        } else if (key === 'w:t') {
          for (const text of value as { '#text'?: unknown }[]) if (text['#text'] !== undefined) parts.push(String(text['#text']));
        } else collect(value);
      }
    };
    collect(node);
    return lines.join('\n');
  };
  const children = (node: unknown, tag: string): unknown[] =>
    Array.isArray(node)
      ? node.flatMap((child) => (child && typeof child === 'object' && tag in child ? [(child as Record<string, unknown>)[tag]] : []))
      : [];
  const findTables = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(findTables);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === 'w:tbl') tables.push(children(value, 'w:tr').map((row) => children(row, 'w:tc').map(textOf)));
      else if (key !== ':@') findTables(value);
    }
  };
  findTables(tree);
  const core = zip.readAsText('docProps/core.xml') ?? '';
  return {
    paragraphs,
    tables,
    text: paragraphs.join('\n'),
    images: zip
      .getEntries()
      .map((entry) => entry.entryName)
      .filter((name) => name.startsWith('word/media/')),
    title: /<dc:title>([^<]*)<\/dc:title>/.exec(core)?.[1] ?? '',
  };
}
