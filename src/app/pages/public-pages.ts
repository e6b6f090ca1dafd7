import fs from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { projectRoot } from '../../platform/process/project-root';

/** The pages Teams' store rules ask every app for, at `/privacy` and `/terms`. */
export const PUBLIC_PAGES = ['privacy', 'terms'] as const;
export type PublicPageName = (typeof PUBLIC_PAGES)[number];

export interface PublicPage {
  title: string;
  html: string;
}

// Officer-edited text: raw HTML is escaped, never passed through.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

/**
 * The privacy notice and terms of use, rendered once at start-up from the Markdown officers edit
 * in src/app/pages/. A missing or empty file stops the start, naming it, as a broken knowledge entry does.
 */
export function loadPublicPages(directory = pagesDirectory()): ReadonlyMap<PublicPageName, PublicPage> {
  const pages = new Map<PublicPageName, PublicPage>();
  for (const name of PUBLIC_PAGES) pages.set(name, renderPage(readPageSource(name, directory)));
  return pages;
}

/**
 * One page's Markdown as it ships with the bot. The privacy notice's is its default: officers can
 * replace it in Teams ("edit privacy notice"), and the page then serves their latest version.
 */
export function readPageSource(name: PublicPageName, directory = pagesDirectory()): string {
  const file = path.join(directory, `${name}.md`);
  const source = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (source.trim().length === 0) throw new Error(`${file} is missing or empty: the bot serves it at /${name}`);
  return source;
}

function pagesDirectory(): string {
  return path.join(projectRoot(), 'src', 'app', 'pages');
}

export function renderPage(source: string): PublicPage {
  const title = /^#\s+(.+)$/m.exec(source)?.[1]?.trim() ?? 'Corporate Parenting Panel assistant';
  const body = markdown.render(source);
  const html = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${markdown.utils.escapeHtml(title)}</title>
<style>body{font-family:"Segoe UI",Arial,sans-serif;line-height:1.5;max-width:46em;margin:2em auto;padding:0 1em;color:#1b1b1b}h1{color:#0e5a69}a{color:#0e5a69}</style>
</head>
<body>
<main>
${body}</main>
</body>
</html>
`;
  return { title, html };
}
