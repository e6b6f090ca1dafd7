import { stem } from '../../../src/features/remit/domain/stemmer';
import { asksWhatItIsCalled, indexTerms, normalizeText, tokenize } from '../../../src/features/remit/domain/text-normalizer';

describe('text normalisation', () => {
  it.each([
    ['What did Recommendation 6 ask for?', 'rec6'],
    ['rec. 11', 'rec11'],
    ['recomendation fifteen', 'rec15'],
    ['Recommendations 12 and 13', 'rec12'],
  ])('turns "%s" into one recommendation token', (text, token) => {
    expect(tokenize(text)).toContain(token);
    expect(tokenize(text)).toContain('recommendation');
  });

  it('writes number words as digits, so "four" finds "4"', () => {
    expect(tokenize('the four priority areas')).toEqual(['the', '4', 'priority', 'areas']);
  });

  it('reads American spellings as the British ones the documents use, leaving other words alone', () => {
    expect(tokenize('Which organizations prioritize the program? analyzed at the center')).toEqual([
      'which',
      'organisations',
      'prioritise',
      'the',
      'programme',
      'analysed',
      'at',
      'the',
      'centre',
    ]);
    expect(tokenize('citizen size prize seize')).toEqual(['citizen', 'size', 'prize', 'seize']);
  });

  it('reads "what\'s" and "who\'s" as "what is" and "who is", and other "\'s" as a possessive', () => {
    expect(normalizeText("What's an IRO? Who's the chair of Kent's panel?")).toBe('what is an iro? who is the chair of kent panel?');
  });

  it('reads "how many times a year" and "how frequently" as "how often": a frequency, not a count', () => {
    expect(normalizeText('How many times a year does the panel meet?')).toBe('how often does the panel meet?');
    expect(normalizeText('how frequently do they meet')).toBe('how often do they meet');
    expect(normalizeText('how many times did the panel meet in 2017')).toBe('how many times did the panel meet in 2017');
  });

  it('reads "whos" and "wheres", typed without the apostrophe, as "who is" and "where is"', () => {
    expect(normalizeText('whos on the cpp')).toBe('who is on the cpp');
    expect(normalizeText('wheres the meeting')).toBe('where is the meeting');
  });

  it('reads "what is X called" as asking what X is, not about phoning anyone', () => {
    // The search does not read that "called"; the question's shape still can (a name is asked for).
    expect(tokenize('What is the Cabinet Member called?')).toEqual(['what', 'is', 'the', 'cabinet', 'member']);
    expect(asksWhatItIsCalled(normalizeText('What is the Cabinet Member called?'))).toBe(true);
    expect(tokenize('who called the meeting')).toEqual(['who', 'called', 'the', 'meeting']);
    expect(asksWhatItIsCalled(normalizeText('who called the meeting'))).toBe(false);
  });

  it('keeps a numbered section, level or regulation as one name, so "section 23" is not section 22', () => {
    expect(normalizeText('Section 22 of the Children Act 1989')).toBe('section section22 of the children act 1989');
    expect(normalizeText('specialist level three duties, regulation 33 visits')).toBe(
      'specialist level level3 duties, regulation regulation33 visits',
    );
    // A year is not a label's number.
    expect(normalizeText('the Regulations 2010')).toBe('the regulations 2010');
  });

  it.each([
    "What's Recommendation 6 about?",
    'rec. 11 and the 1990s',
    "how many times a year? 0.6% of under 18s, who's on it",
    'section 22, level 3',
  ])('gives the same text when normalising "%s" a second time (a corrected question is read again)', (text) => {
    expect(normalizeText(normalizeText(text))).toBe(normalizeText(text));
  });

  it('drops possessives and contractions', () => {
    expect(normalizeText("Kent’s panel isn't")).toBe('kent panel is not');
    expect(tokenize("what's the panel's remit")).toEqual(['what', 'is', 'the', 'panel', 'remit']);
    // Not "ca not" and "wo not": a stray "ca" would be searched for as a word.
    expect(normalizeText('who sat on the select cttee')).toBe('who sat on the select committee');
    expect(normalizeText("the select committee's number one aim")).toBe('the select committee primary aim');
    expect(normalizeText('what do we owe a child the minute they become looked after')).toBe(
      'what do we owe a child when they become looked after',
    );
    expect(normalizeText('thinking about adopting - would i get a mentor')).toBe('adopting - would i get a mentor');
    // A day is written as one: "the march 20 meeting", "may 17th".
    expect(normalizeText('the march 20 meeting, may 17th')).toBe('the march 20 meeting, may 17th');
    expect(normalizeText('a council for 18 plus care leavers, or 16+')).toBe('a council for over 18 care leavers, or over 16');
    expect(normalizeText('the rules for the meeting say')).toBe('the terms of reference say');
    expect(normalizeText('who sat on the 2015 inquiry')).toBe('who sat on the 2015 select committee');
    expect(normalizeText('who chairs the cambs sub-committee')).toBe('who chairs the cambridgeshire sub-committee');
    expect(normalizeText('lvl 3 corp parenting - who has it?')).toBe(normalizeText('level 3 corporate parenting - who has it?'));
    expect(normalizeText('wot does the pledge say, wots in it')).toBe('what does the pledge say, what is in it');
    expect(normalizeText('wen did it start, whr do they meet, hw do i join')).toBe('when did it start, where do they meet, how do i join');
    // Where a councillor serves is not what they ask about.
    expect(normalizeText('a boy placed in my ward by a london council')).toBe('a boy placed   by a london council');
    expect(tokenize('what was the film called that the panel wanted')).not.toContain('called');
    expect(tokenize('who called the meeting')).toContain('called');
    // What something covers, not a fall.
    expect(normalizeText('what falls within its remit, does it come under the panel')).toBe(
      'what within its remit, does it under the panel',
    );
    expect(normalizeText('agreed in mar 17, not to mar the day')).toBe('agreed in march 2017, not to mar the day');
    expect(normalizeText('what does the SC foreword say')).toBe('what does the select committee foreword say');
    expect(normalizeText('the cp board hears from ppl like me')).toBe('the corporate parenting board hears from people like me');
    expect(tokenize('what does it mean in practice')).toEqual(['what', 'does', 'it', 'mean']);
    expect(normalizeText('an invite to something called cpp')).toBe('an invite to something cpp');
    expect(normalizeText('what is the chairman called')).toBe('what is the chairman called');
    expect(tokenize('who does the cpp answer to at the end of the day')).toEqual(['who', 'does', 'the', 'cpp', 'answer', 'to']);
    expect(normalizeText("care leavers can't cook and won't ask")).toBe('care leavers can not cook and will not ask');
  });

  it.each([
    ['accountability', 'accountable'],
    ['responsibilities', 'responsible'],
    ['meetings', 'meeting'],
    ['merged', 'merge'],
    ['housing', 'house'],
    ['recommendation', 'recommend'],
    ['children', 'child'],
    ['acts', 'act'],
    // Abbreviations without a vowel, which Porter2 leaves as they are.
    ['cllrs', 'cllr'],
    ['mps', 'mp'],
  ])('stems %s and %s alike', (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });

  it.each([
    ['response', 'responsibility'],
    ['universal', 'university'],
    ['experiment', 'experience'],
    ['acting', 'act'],
  ])('keeps %s and %s apart, though Porter2 stems them alike', (a, b) => {
    expect(stem(a)).not.toBe(stem(b));
  });

  it('stems a response and responding alike', () => {
    expect(stem('response')).toBe(stem('responding'));
  });

  it('indexes a word and its stem, and nothing for a stop word', () => {
    expect(indexTerms('meetings')).toEqual(['meetings', 'meet']);
    expect(indexTerms('the')).toEqual([]);
  });
});
