import fs from 'node:fs';
import path from 'node:path';
import { cardTemplate } from '../../../src/shared/cards/card-template';
import { projectRoot } from '../../../src/platform/process/project-root';

/** Every `cardTemplate('name')` in the source, with the file that calls it. */
function templateUses(): { name: string; file: string }[] {
  const uses: { name: string; file: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) {
        for (const match of fs.readFileSync(full, 'utf8').matchAll(/cardTemplate\('([^']+)'\)/g))
          uses.push({ name: match[1]!, file: path.relative(projectRoot(), full) });
      }
    }
  };
  walk(path.join(projectRoot(), 'src'));
  return uses;
}

describe('card templates are the files in cards/', () => {
  const files = fs
    .readdirSync(path.join(projectRoot(), 'cards'))
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.replace(/\.json$/, ''))
    .sort();
  const uses = templateUses();

  it('every file has exactly one render function, and every render function a file', () => {
    expect(uses.map((use) => use.name).sort()).toEqual(files);
  });

  it('a render function lives in its feature or in shared/cards', () => {
    for (const use of uses) expect(use.file).toMatch(/^src\/(features\/[a-z-]+\/teams|shared\/cards)\//);
  });

  it('refuses a name that is not a plain file name, and a file that is not there', () => {
    expect(() => cardTemplate('../package')).toThrow(/invalid card template name/);
    expect(() => cardTemplate('no-such-card')).toThrow(/ENOENT/);
  });
});
