import { KnowledgeEntry } from './knowledge-entry';

/** Why the bot declined: nothing asked, not about the panel, or no answer it trusts. */
export type UnknownReason = 'empty' | 'off_topic' | 'low_confidence';

/** The outcome of a remit question: one answer with its related entries, or an honest "I don't know". */
export type RemitResult =
  | { kind: 'answer'; entry: KnowledgeEntry; confidence: number; related: KnowledgeEntry[] }
  | { kind: 'unknown'; reason: UnknownReason };
