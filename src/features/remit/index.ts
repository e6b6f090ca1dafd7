// The remit feature as others see it: the knowledge base and the questions it answers well.
export { KnowledgeBase } from './domain/knowledge-base';
export { EXAMPLE_QUESTIONS } from './domain/example-questions';
export { RemitService } from './remit-service';
export { AnswerFeedbackStore } from './data/answer-feedback-store';
export { remitFeature } from './teams/remit-feature';
export { LiveKnowledge } from './live-knowledge';
export { OfficerDesk } from './officer-desk';
export { OfficerEntryStore } from './data/officer-entry-store';
export { OfficerQuestionStore } from './data/officer-question-store';
export { loadSourcePassages } from './data/source-loader';
export { stem } from './domain/stemmer';
export { isStopWord } from './domain/stop-words';
export { tokenize } from './domain/text-normalizer';
export { searchableTexts } from './domain/knowledge-entry';
export type { ThesaurusFile } from './data/english-thesaurus';
export { remitPersonalData } from './data/remit-personal-data';
