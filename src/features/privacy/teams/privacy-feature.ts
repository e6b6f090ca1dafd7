import { z } from 'zod';
import { noticeCard } from '../../../shared/cards/notice-card';
import { formIdSchema } from '../../../shared/forms/form';
import { type Feature, cardAction, notFound } from '../../../shared/feature';
import type { PersonalDataContribution } from '../../../shared/personal-data';
import { AAD_OBJECT_ID_PATTERN } from '../../members';
import type { PrivacyDesk } from '../privacy-desk';
import type { PrivacyNoticeDesk } from '../privacy-notice-desk';
import { type RetentionPurge, purgeDetail } from '../retention-purge';

export interface PrivacyFeatureDependencies {
  desk: PrivacyDesk;
  notice: PrivacyNoticeDesk;
  purge: RetentionPurge;
  personalData: PersonalDataContribution;
  publicBaseUrl: string;
}

const person = z.string().regex(AAD_OBJECT_ID_PATTERN);
const choice = z.object({ purpose: z.enum(['export', 'erase']), aadObjectId: person });
const erasure = z.object({ aadObjectId: person, requestId: formIdSchema });
// The desk reads and validates the form's fields itself (the form mechanism).
const noticeForm = z.looseObject({});

/** The person's UK GDPR rights ("my data"; administrators' export and erasure), retention, and the privacy notice. */
export function privacyFeature(deps: PrivacyFeatureDependencies): Feature {
  const { desk, notice } = deps;
  return {
    name: 'privacy',
    commands: [
      {
        name: 'my-data',
        access: 'privacy.own',
        phrases: [
          'my data',
          'my personal data',
          'show my data',
          'download my data',
          'export my data',
          'what data do you hold about me',
          'what do you know about me',
          'what do you keep about me',
        ],
        run: async (_input, sender) => desk.myData(await sender.actor()),
      },
      {
        name: 'privacy-notice',
        access: 'privacy.own',
        phrases: ['privacy notice', 'privacy', 'privacy policy', 'data protection'],
        run: async () =>
          noticeCard(
            'Privacy notice',
            `How the council uses your information in this bot: [the privacy notice](${deps.publicBaseUrl}/privacy). Say **my data** for a copy of what it holds about you.`,
          ),
      },
      {
        name: 'export-data-of',
        access: 'privacy.export',
        patterns: [/^(?:export|download|show) (?:the |all )?(?:personal )?data (?:of|for|about|held about) (.{1,200})$/],
        help: {
          title: 'export data of <name or Entra id>',
          detail: 'A subject access request: everything held about a person, as JSON behind a link for you.',
          role: 'admin',
        },
        run: async (input, sender) => desk.exportFor(await sender.actor(), input.match?.[1] ?? ''),
      },
      {
        name: 'erase-data-of',
        access: 'privacy.erase',
        patterns: [/^(?:erase|delete|remove) (?:the |all )?(?:personal )?data (?:of|for|about|held about) (.{1,200})$/],
        help: { title: 'erase data of <name or Entra id>', detail: "Erase a person's data, after a confirmation.", role: 'admin' },
        run: async (input, sender) => desk.eraseRequest(await sender.actor(), input.match?.[1] ?? ''),
      },
      {
        name: 'retention-purge',
        access: 'retention.purge',
        phrases: ['purge old data', 'run retention purge', 'retention purge'],
        help: {
          title: 'purge old data',
          detail: 'Delete now what has outlived its retention period (it also runs nightly).',
          role: 'admin',
        },
        run: async (_input, sender) => {
          const counts = await deps.purge.run(await sender.actor());
          return noticeCard('Retention purge', `Done: ${purgeDetail(counts)}. The audit log records it.`, 'good');
        },
      },
      {
        name: 'edit-privacy-notice',
        access: 'privacy.notice.edit',
        phrases: ['edit privacy notice', 'edit the privacy notice', 'change privacy notice', 'change the privacy notice'],
        help: {
          title: 'edit privacy notice',
          detail: 'Change the privacy notice the bot serves (every version is kept).',
          role: 'officer',
        },
        run: async (_input, sender) => notice.editForm(await sender.actor()),
      },
    ],
    verbs: {
      'privacy.choose': cardAction('privacy.export', choice, async (data, sender) => {
        const actor = await sender.actor();
        return data.purpose === 'export' ? desk.exportOf(actor, data.aadObjectId) : desk.eraseConfirmation(actor, data.aadObjectId);
      }),
      'privacy.erase': cardAction('privacy.erase', erasure, async (data, sender) => desk.erase(await sender.actor(), data)),
      'privacy.eraseCancel': cardAction('privacy.erase', z.looseObject({}), async () =>
        noticeCard('Nothing erased', 'The erasure was cancelled.', 'default'),
      ),
      'privacy.notice.save': cardAction('privacy.notice.edit', noticeForm, async (data, sender) => notice.save(await sender.actor(), data)),
      'privacy.notice.reset': cardAction('privacy.notice.edit', noticeForm, async (data, sender) =>
        notice.reset(await sender.actor(), data),
      ),
    },
    jobs: deps.purge.handlers(),
    downloads: [
      {
        path: '/privacy/data/:file',
        access: 'privacy.own',
        serve: async ({ params, query }) => {
          const subject = /^(.+)\.json$/.exec(params.file ?? '')?.[1];
          if (!subject || !AAD_OBJECT_ID_PATTERN.test(subject)) return notFound();
          return desk.download(subject, query);
        },
      },
    ],
    start: () => deps.purge.ensureScheduled(),
    personalData: deps.personalData,
  };
}
