import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { roleSchema } from '../shared/access/actor';
import type { RoleDirectory } from '../features/members';
import { AAD_OBJECT_ID_PATTERN } from '../features/members/domain/member';
import { projectRoot } from '../platform/process/project-root';

const sampleRolesSchema = z.object({
  people: z
    .array(
      z.object({
        name: z.string().min(1).max(200),
        aadObjectId: z.string().regex(AAD_OBJECT_ID_PATTERN),
        role: roleSchema,
        councillor: z.boolean(),
      }),
    )
    .max(50),
});

export type SampleRoles = z.infer<typeof sampleRolesSchema>;

export function loadSampleRoles(file = path.join(projectRoot(), 'src', 'local', 'sample', 'roles.yaml')): SampleRoles {
  const parsed = sampleRolesSchema.safeParse(YAML.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`${file}: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? 'is invalid'}`);
  return parsed.data;
}

/** Gives each sample person their role unless someone already set one (a role changed on the roles card is kept). Returns how many were set. */
export async function seedSampleRoles(roles: RoleDirectory, sample: SampleRoles): Promise<number> {
  let seeded = 0;
  for (const person of sample.people) {
    const result = await roles.change(person.aadObjectId, 'sample-data', (current) =>
      current ? undefined : { role: person.role, councillor: person.councillor, source: 'sample data' },
    );
    if (result) seeded++;
  }
  return seeded;
}
