import type { KnowledgeEntry } from './knowledge-entry';

/**
 * Why the bot declined: nothing asked, not about the panel, no answer it trusts, a question about
 * how things are now (the documents are dated), or an acronym the glossary does not hold.
 */
export type UnknownReason = 'empty' | 'off_topic' | 'low_confidence' | 'about_now' | 'unknown_acronym';

/** The outcome of a remit question: one answer with its related entries, or an honest "I don't know". */
export type RemitResult =
  | {
      kind: 'answer';
      entry: KnowledgeEntry;
      confidence: number;
      related: KnowledgeEntry[];
      /**
       * The answer won, but not by much (about one in four such answers is another entry's):
       * the card says so and offers the runners-up (`nearby`), when any came close.
       */
      unsure?: true;
      nearby?: readonly KnowledgeEntry[];
      /** The message asked a second question, answered on its own by this entry: offered beside the answer. */
      alsoAsked?: KnowledgeEntry;
      /**
       * A source passage that says more of what was asked than the answer's own words (a detail,
       * the document's own figure): quoted beside the answer, with its citation.
       */
      passage?: KnowledgeEntry;
    }
  | {
      kind: 'unknown';
      reason: UnknownReason;
      /**
       * When no answer was trusted but some came close (up to three, best first): offered as "is it
       * one of these?", never given as the answer. Absent when none came close.
       */
      nearby?: readonly KnowledgeEntry[];
    };
