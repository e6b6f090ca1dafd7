/** Questions the knowledge base answers well: offered on the welcome, help and "I don't know" cards. */
export const EXAMPLE_QUESTIONS: readonly string[] = [
  'Who is the panel accountable to?',
  'What are the four priority areas?',
  'What did recommendation 6 ask for?',
  'What does UASC mean?',
  'Who do I contact about the panel?',
];
