// The remit feature as others see it: the knowledge base and the questions it answers well.
export { KnowledgeBase } from './domain/knowledge-base';
export { EXAMPLE_QUESTIONS } from './domain/example-questions';
export { RemitService } from './remit-service';
export { AnswerFeedbackStore } from './data/answer-feedback-store';
export { remitFeature } from './teams/remit-feature';
