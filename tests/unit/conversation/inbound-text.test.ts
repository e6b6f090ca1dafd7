import { MAX_QUESTION_LENGTH, readInboundText } from '../../../src/shared/text/inbound-text';

describe('readInboundText', () => {
  it('strips the bot mention and markup Teams adds in channels', () => {
    expect(readInboundText('<at>Panel Bot</at> who chairs the&nbsp;panel? ')).toEqual({ kind: 'text', text: 'who chairs the panel?' });
  });

  it.each([
    ['@Panel Bot who chairs the panel?', 'who chairs the panel?'],
    ['@Corporate Parenting Panel bot, when is the next meeting', 'when is the next meeting'],
    ['@bot help', 'help'],
    // Not the bot: an address or a handle in the question stays.
    ['@jo.smith asked who chairs the panel', '@jo.smith asked who chairs the panel'],
    ['who is @Panel Bot?', 'who is @Panel Bot?'],
  ])('strips a mention of the bot typed as plain text: %p', (typed, text) => {
    expect(readInboundText(typed)).toEqual({ kind: 'text', text });
  });

  it.each([[undefined], [''], ['   '], ['<at>Panel Bot</at>'], ['@Panel Bot'], [42]])('treats %p as empty', (raw) => {
    expect(readInboundText(raw).kind).toBe('empty');
  });

  it('refuses a 10 KB message as too long, saying how long it was', () => {
    expect(readInboundText('a'.repeat(10 * 1024))).toEqual({ kind: 'too_long', length: 10 * 1024 });
    expect(readInboundText('a'.repeat(MAX_QUESTION_LENGTH)).kind).toBe('text');
  });

  it('refuses binary-looking text but keeps ordinary punctuation and accents', () => {
    expect(readInboundText('\u0000\u0001\u0002PNG\u001a\ufffd\ufffd').kind).toBe('unreadable');
    expect(readInboundText('Qu’est-ce que le « panel » ? – café').kind).toBe('text');
  });
});
