import { authoredTextToCardMarkdown } from '../../../src/shared/text/authored-markdown';

describe('authoredTextToCardMarkdown', () => {
  it('separates paragraphs with a blank line and closes a list before the next paragraph', () => {
    const authored = 'The strategy has four priority areas:\n- 1. Working together\n- 2. Being healthy\nThe panel oversees progress.\n';
    expect(authoredTextToCardMarkdown(authored)).toBe(
      'The strategy has four priority areas:\n\n1. Working together\n2. Being healthy\n\nThe panel oversees progress.',
    );
  });

  it('keeps bullet lists and collapses extra blank lines', () => {
    expect(authoredTextToCardMarkdown('Intro\n\n\n- a\n- b')).toBe('Intro\n\n- a\n- b');
  });
});
