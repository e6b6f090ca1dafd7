import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { projectRoot } from '../../src/platform/process/project-root';

export interface QuestionSet {
  questions: { q: string; expect: string }[];
  offTopic: string[];
}

/** The project's held-out question set (tests/fixtures/remit-questions.yaml). */
export function loadQuestionSet(): QuestionSet {
  const raw = YAML.parse(fs.readFileSync(path.join(projectRoot(), 'tests/fixtures/remit-questions.yaml'), 'utf8')) as { questions: { q: string; expect: string }[]; off_topic?: string[]; offTopic?: string[] };
  return { questions: raw.questions, offTopic: raw.off_topic ?? raw.offTopic ?? [] };
}
