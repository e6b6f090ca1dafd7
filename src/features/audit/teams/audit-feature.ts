import { z } from 'zod';
import { type Feature, cardAction } from '../../../shared/feature';
import type { AuditDesk } from '../audit-desk';

// The desk validates the cursor itself (our own RowKey format).
const page = z.object({ after: z.string().max(40) });

/** "audit log" for administrators, paged from its card. */
export function auditFeature(desk: AuditDesk): Feature {
  return {
    name: 'audit',
    commands: [
      {
        name: 'audit-log',
        access: 'audit.read',
        phrases: ['audit log', 'audit trail', 'show audit log', 'show the audit log'],
        help: { title: 'audit log', detail: 'Who changed roles, sent broadcasts or moved challenge cards, newest first.', role: 'admin' },
        run: async (_input, sender) => desk.card(await sender.actor()),
      },
    ],
    verbs: {
      'audit.page': cardAction('audit.read', page, async (data, sender) => desk.card(await sender.actor(), data.after)),
    },
  };
}
