import fs from 'node:fs';
import path from 'node:path';
import { withAccessMatrix } from '../shared/access/access-matrix';
import { projectRoot } from '../platform/process/project-root';

/** `npm run access-matrix`: rewrites the README's "Who may do what" table from src/shared/access/policy.ts. */
const readme = path.join(projectRoot(), 'README.md');
fs.writeFileSync(readme, withAccessMatrix(fs.readFileSync(readme, 'utf8')));
process.stdout.write('README.md: access matrix rewritten from the policy\n');
