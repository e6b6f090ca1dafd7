import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../../platform/process/project-root';
import { KnowledgeLoadError } from '../domain/knowledge-load-error';
import type { SourcePassage } from '../domain/source-passage';

/** The project's own copies of the panel's documents, shipped with the bot (see its README). */
export function defaultSourcesDirectory(): string {
  return path.join(projectRoot(), 'src/features/remit/sources');
}

const HEADER_KEYS = ['document', 'says', 'origin'] as const;
const MAX_PARAGRAPH_CHARS = 3000;
// Long paragraphs are quoted a few sentences at a time: a quote should answer, not bury the answer.
const PASSAGE_TARGET_CHARS = 450;

/**
 * Reads every `.txt` file in `dir`: a header (`document:`, `says:`, `origin:`), then `## Section`
 * headings, paragraphs separated by blank lines and `- ` bullets. Each paragraph and each bullet
 * becomes one passage. A malformed file stops start-up, naming the file and line.
 */
export function loadSourcePassages(dir: string = defaultSourcesDirectory()): SourcePassage[] {
  if (!fs.existsSync(dir)) throw new KnowledgeLoadError(displayPath(dir), undefined, 'source documents folder not found');
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  if (files.length === 0) throw new KnowledgeLoadError(displayPath(dir), undefined, 'no .txt source documents found');
  return files.flatMap((name) =>
    parseSourceDocument(fs.readFileSync(path.join(dir, name), 'utf8'), name.replace(/\.txt$/, ''), displayPath(path.join(dir, name))),
  );
}

/** Parses one source document; `slug` names its passages, `label` its errors. */
export function parseSourceDocument(text: string, slug: string, label: string): SourcePassage[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const header = new Map<string, string>();
  let index = 0;
  for (; index < lines.length && !lines[index]!.startsWith('## '); index++) {
    const line = lines[index]!.trim();
    if (line === '') continue;
    const match = /^([a-z]+):\s*(.+)$/.exec(line);
    if (!match || !(HEADER_KEYS as readonly string[]).includes(match[1]!)) {
      throw new KnowledgeLoadError(
        label,
        undefined,
        `line ${index + 1}: expected a header line (${HEADER_KEYS.join(', ')}) or a "## " section`,
      );
    }
    header.set(match[1]!, match[2]!.trim());
  }
  const document = header.get('document');
  const says = header.get('says');
  if (!document || !says) throw new KnowledgeLoadError(label, undefined, 'the header needs "document:" and "says:"');

  const passages: SourcePassage[] = [];
  let section: string | undefined;
  let paragraph: string[] = [];
  let leadIn: string | undefined;
  const flush = (lineNumber: number) => {
    if (paragraph.length === 0) return;
    const body = paragraph.join(' ').replace(/\s+/g, ' ').trim();
    paragraph = [];
    if (!section) throw new KnowledgeLoadError(label, undefined, `line ${lineNumber}: text before the first "## " section`);
    if (body.length > MAX_PARAGRAPH_CHARS)
      throw new KnowledgeLoadError(
        label,
        undefined,
        `line ${lineNumber}: a paragraph is longer than ${MAX_PARAGRAPH_CHARS} characters; split it`,
      );
    const bullet = body.startsWith('- ');
    const paragraphText = bullet ? body.slice(2).trim() : body;
    for (const chunk of sentenceChunks(paragraphText)) {
      passages.push({
        id: `source-${slug}-${passages.length + 1}`,
        document,
        says,
        section,
        text: chunk,
        ...(bullet && leadIn ? { leadIn } : {}),
      });
    }
    if (!bullet) leadIn = paragraphText.endsWith(':') ? paragraphText : undefined;
  };
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.startsWith('## ')) {
      flush(index);
      section = line.slice(3).trim();
      leadIn = undefined;
      if (section === '') throw new KnowledgeLoadError(label, undefined, `line ${index + 1}: empty section heading`);
    } else if (line.trim() === '') {
      flush(index);
    } else if (line.startsWith('- ')) {
      flush(index);
      paragraph.push(line);
    } else {
      paragraph.push(line);
    }
  }
  flush(lines.length);
  if (passages.length === 0) throw new KnowledgeLoadError(label, undefined, 'no passages');
  return passages;
}

/** Whole sentences, grouped up to about PASSAGE_TARGET_CHARS each; a short paragraph stays whole. */
export function sentenceChunks(text: string): string[] {
  if (text.length <= PASSAGE_TARGET_CHARS * 1.5) return [text];
  const sentences = text.split(/(?<=[.;!?])\s+(?=[A-Z0-9"'])/);
  const chunks: string[] = [];
  let current = '';
  for (const sentence of sentences) {
    if (current !== '' && current.length + sentence.length + 1 > PASSAGE_TARGET_CHARS) {
      chunks.push(current);
      current = sentence;
    } else current = current === '' ? sentence : `${current} ${sentence}`;
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

function displayPath(file: string): string {
  const relative = path.relative(projectRoot(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}
