import fs from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { projectRoot } from '../../platform/process/project-root';

/** An Adaptive Card as JSON, ready to put in an attachment or an invoke response. */
export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

/** One template from cards/, expanded with data by the card's typed render function. */
export interface CardTemplate {
  readonly name: string;
  expand(data: object): AdaptiveCardJson;
}

const TEMPLATE_NAME = /^[a-z][a-z0-9-]*$/;
const templates = new Map<string, CardTemplate>();

/**
 * The template `cards/<name>.json`, read once. The names are the files themselves: no list is
 * kept by hand, and a test checks that every file has exactly one render function and every
 * render function a file. Only the typed render functions call this.
 */
export function cardTemplate(name: string): CardTemplate {
  const known = templates.get(name);
  if (known) return known;
  if (!TEMPLATE_NAME.test(name)) throw new Error(`invalid card template name ${name}`);
  const file = path.join(projectRoot(), 'cards', `${name}.json`);
  const template = new ACData.Template(JSON.parse(fs.readFileSync(file, 'utf8')));
  const loaded: CardTemplate = { name, expand: (data) => template.expand({ $root: data }) as AdaptiveCardJson };
  templates.set(name, loaded);
  return loaded;
}
