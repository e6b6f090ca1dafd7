import { MAX_QUESTION_LENGTH, readInboundText } from '../../../src/shared/text/inbound-text';

describe('readInboundText', () => {
  it('strips the bot mention and markup Teams adds in channels', () => {
    expect(readInboundText('<at>Panel Bot</at> who chairs the&nbsp;panel? ')).toEqual({ kind: 'text', text: 'who chairs the panel?' });
  });

  it.each([[undefined], [''], ['   '], ['<at>Panel Bot</at>'], [42]])('treats %p as empty', (raw) => {
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
