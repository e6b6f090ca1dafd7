import fs from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { projectRoot } from '../../platform/process/project-root';

/** An Adaptive Card as JSON, ready to put in an attachment or an invoke response. */
export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

export type CardTemplateName = 'answer' | 'unknown' | 'welcome' | 'help' | 'notice' | 'roles' | 'feedback-report' | 'apology' | 'meeting' | 'meeting-list' | 'meeting-form'
  | 'challenge'
  | 'challenge-form'
  | 'challenge-list'
  | 'challenge-report'
  | 'event-form'
  | 'event-invitation'
  | 'event-status'
  | 'event-attendees'
  | 'event-calendar-link'
  | 'bulletin'
  | 'panel-report'
  | 'attendance-form'
  | 'key-figures-form'
  | 'you-said-we-did-form';

const templates = new Map<CardTemplateName, ACData.Template>();

/**
 * Expands one template from cards/ with data. Only the typed render functions beside this file
 * call it, so every template has exactly one typed entry point.
 */
export function expandCardTemplate(name: CardTemplateName, data: object): AdaptiveCardJson {
  let template = templates.get(name);
  if (!template) {
    const file = path.join(projectRoot(), 'cards', `${name}.json`);
    template = new ACData.Template(JSON.parse(fs.readFileSync(file, 'utf8')));
    templates.set(name, template);
  }
  return template.expand({ $root: data }) as AdaptiveCardJson;
}
