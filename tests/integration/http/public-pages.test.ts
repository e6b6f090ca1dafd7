import type { RunningApp } from '../../../src/app/app';
import { loadPublicPages, renderPage } from '../../../src/app/pages/public-pages';
import { startTestApp } from '../../support/test-app';

describe('the privacy notice and terms of use the bot serves', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startTestApp({}, { startWorkers: false });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it.each([
    ['/privacy', 'Privacy notice: Corporate Parenting Panel assistant', /What the assistant keeps/],
    ['/terms', 'Terms of use: Corporate Parenting Panel assistant', /Never enter the name or any personal details of a child/],
  ])('GET %s is an HTML page rendered from src/app/pages/', async (route, title, text) => {
    const response = await fetch(`${app.url}${route}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain(`<title>${title}</title>`);
    expect(html).toMatch(text);
    expect(html).toContain('<h1>');
  });

  it('the privacy notice names what is kept, what is not, and the right of access within one month', async () => {
    const html = await (await fetch(`${app.url}/privacy`)).text();
    for (const phrase of [
      'Microsoft Entra object id',
      'never stores your e-mail',
      'party affiliation',
      'within one month',
      'Information Commissioner',
    ])
      expect(html).toContain(phrase);
  });
});

describe('renderPage', () => {
  it('escapes raw HTML an editor types, and takes the first heading as the title', () => {
    const page = renderPage('# Notice & <b>terms</b>\n\n<script>alert(1)</script>\n\n[Link](https://example.org)');
    expect(page.title).toBe('Notice & <b>terms</b>');
    expect(page.html).toContain('<title>Notice &amp; &lt;b&gt;terms&lt;/b&gt;</title>');
    expect(page.html).not.toContain('<script>');
    expect(page.html).toContain('&lt;script&gt;');
    expect(page.html).toContain('<a href="https://example.org">Link</a>');
  });

  it('refuses to start without a page, naming the file', () => {
    expect(() => loadPublicPages('/nonexistent-folder')).toThrow(/privacy\.md is missing or empty/);
  });
});
