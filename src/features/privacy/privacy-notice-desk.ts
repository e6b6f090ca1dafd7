import { z } from 'zod';
import { formatLondonDateTime } from '../../platform/time/london';
import type { Actor } from '../../shared/access/actor';
import { requirePermission } from '../../shared/access/policy';
import type { AdaptiveCardJson } from '../../shared/cards/card-template';
import { noticeCard } from '../../shared/cards/notice-card';
import { fieldErrorsOf, formIdSchema, newFormId, readFormValues } from '../../shared/forms/form';
import { literalText } from '../../shared/text/literal-text';
import type { AuditTrail } from '../audit';
import type { NoticeVersion, PrivacyStore } from './data/privacy-store';
import { renderPrivacyNoticeForm } from './teams/privacy-cards';

export const MAX_NOTICE_LENGTH = 12_000;
const MIN_NOTICE_LENGTH = 200;

/** What a saved notice must be: Markdown with a heading, no HTML, links only to https:// or mailto:. */
export const noticeMarkdownSchema = z
  .string()
  .transform((text) => text.replace(/\r\n?/g, '\n').trim())
  .pipe(
    z
      .string()
      .min(
        MIN_NOTICE_LENGTH,
        `The notice must be at least ${MIN_NOTICE_LENGTH} characters: say who keeps what, why, for how long and how to ask for it.`,
      )
      .max(MAX_NOTICE_LENGTH, `The notice must be at most ${MAX_NOTICE_LENGTH} characters.`)
      .refine((text) => /^# \S/m.test(text), 'Start the notice with a heading line, e.g. "# Privacy notice".')
      .refine((text) => !/<\/?[a-z!][^>]*>/i.test(text), 'Write the notice as Markdown, without HTML tags.')
      .refine((text) => !/\]\(\s*(?!https:\/\/|mailto:)/i.test(text), 'Links must start with https:// or mailto:.'),
  );

const noticeFormSchema = z.object({ formId: formIdSchema, version: z.coerce.number().int().min(0), markdown: noticeMarkdownSchema });

export interface PrivacyNoticeDeskDependencies {
  store: PrivacyStore;
  audit: AuditTrail;
  /** The notice that ships with the bot (src/app/pages/privacy.md): served until an officer saves one, and after a reset. */
  defaultMarkdown: string;
  publicBaseUrl: string;
}

/**
 * The privacy notice the bot serves at /privacy, which officers edit in Teams ("edit privacy
 * notice"): every save is a new version (the old ones stay, so the council can show what the
 * notice said on any date), validated, audited, and served at once on every instance.
 */
export class PrivacyNoticeDesk {
  constructor(private readonly deps: PrivacyNoticeDeskDependencies) {}

  /** The Markdown the page shows now. */
  async markdown(): Promise<string> {
    const latest = await this.deps.store.latestNotice();
    return !latest || latest.reset ? this.deps.defaultMarkdown : latest.markdown;
  }

  async editForm(actor: Actor): Promise<AdaptiveCardJson> {
    requirePermission(actor, 'privacy.notice.edit');
    const latest = await this.deps.store.latestNotice();
    return this.form(latest, { markdown: await this.markdown(), error: '' });
  }

  async save(actor: Actor, input: unknown): Promise<AdaptiveCardJson> {
    requirePermission(actor, 'privacy.notice.edit');
    const values = readFormValues(input, ['formId', 'version', 'markdown'] as const, MAX_NOTICE_LENGTH + 500);
    const parsed = noticeFormSchema.safeParse(values);
    if (!parsed.success) {
      const latest = await this.deps.store.latestNotice();
      const errors = fieldErrorsOf<'markdown' | 'formId' | 'version'>(parsed.error.issues);
      if (!errors.markdown)
        return noticeCard('Please start again', 'This form is out of date. Say **edit privacy notice** for a fresh one.', 'warning');
      // Shown again with what was typed and the problem above it, under the same form id.
      return this.form(latest, { markdown: values.markdown, error: errors.markdown, formId: values.formId });
    }
    return this.store(actor, parsed.data, false);
  }

  async reset(actor: Actor, input: unknown): Promise<AdaptiveCardJson> {
    requirePermission(actor, 'privacy.notice.edit');
    const parsed = z
      .object({ formId: formIdSchema, version: z.coerce.number().int().min(0) })
      .safeParse(readFormValues(input, ['formId', 'version'] as const));
    if (!parsed.success)
      return noticeCard('Please start again', 'This form is out of date. Say **edit privacy notice** for a fresh one.', 'warning');
    return this.store(actor, { ...parsed.data, markdown: this.deps.defaultMarkdown }, true);
  }

  private async store(
    actor: Actor,
    form: { formId: string; version: number; markdown: string },
    reset: boolean,
  ): Promise<AdaptiveCardJson> {
    const outcome = await this.deps.store.saveNotice(
      { markdown: reset ? '' : form.markdown, reset, editor: { aadObjectId: actor.aadObjectId, name: actor.name }, formId: form.formId },
      form.version,
    );
    if (outcome.kind === 'stale') {
      const latest = await this.deps.store.latestNotice();
      return this.form(latest, {
        markdown: form.markdown,
        error: `Someone else saved version ${outcome.current} of the notice after you opened this form. Your text is below: check it against the page, then save again.`,
      });
    }
    if (outcome.kind === 'saved') {
      await this.deps.audit.record({
        actor: { aadObjectId: actor.aadObjectId, role: actor.role },
        action: 'notice.changed',
        subject: { kind: 'notice', id: 'privacy' },
        detail: `version ${outcome.version.version}${reset ? ' (reset to the default)' : ''}, ${outcome.version.markdown.length || this.deps.defaultMarkdown.length} characters`,
      });
    }
    return noticeCard(
      reset ? 'Privacy notice reset' : 'Privacy notice saved',
      `Version ${outcome.version.version}${reset ? ', the text that ships with the bot,' : ''} is now served at ${this.deps.publicBaseUrl}/privacy.`,
      'good',
    );
  }

  private form(latest: NoticeVersion | undefined, shown: { markdown: string; error: string; formId?: string }): AdaptiveCardJson {
    const detail = latest
      ? `Version ${latest.version}, saved by ${literalText(latest.editedByName)} on ${formatLondonDateTime(latest.editedAtUtc)}${latest.reset ? ' (the default text)' : ''}. Saving makes a new version; earlier ones are kept.`
      : 'The notice that ships with the bot. Saving makes version 1; the default stays available with "Reset to the default".';
    return renderPrivacyNoticeForm({
      detail,
      error: shown.error,
      markdown: shown.markdown,
      formId: shown.formId && formIdSchema.safeParse(shown.formId).success ? shown.formId : newFormId(),
      version: String(latest?.version ?? 0),
      pageUrl: `${this.deps.publicBaseUrl}/privacy`,
    });
  }
}
