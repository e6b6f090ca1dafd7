import { sharedThesaurus } from '../../../src/features/remit/data/english-thesaurus';
import { sharedWordFrequency } from '../../../src/features/remit/data/english-word-frequency';
import { SynonymExpander, informativeness } from '../../../src/features/remit/domain/synonym-expander';
import { asksWhatSomethingDoes, asksWhatWasFound } from '../../../src/features/remit/domain/intent-words';
import { tokenize } from '../../../src/features/remit/domain/text-normalizer';
import { contentStems, textStems } from '../../../src/features/remit/domain/match-scoring';
import { parseSourceDocument } from '../../../src/features/remit/data/source-loader';
import { KnowledgeLoadError } from '../../../src/features/remit/domain/knowledge-load-error';
import { withoutPreamble } from '../../../src/features/remit/domain/question-preamble';
import { beforeAnAside, questionParts } from '../../../src/features/remit/domain/question-parts';
import {
  answerClauses,
  countsSubject,
  holdsCount,
  holdsAge,
  holdsAgeOf,
  holdsDuration,
  holdsFrequency,
  holdsMoney,
  listedItems,
  monthsIn,
  namesSomeone,
  namesThe,
  onlyNames,
  saysHow,
  speaksOfAttendance,
  unitsIn,
  givesAConclusion,
} from '../../../src/features/remit/domain/answer-holds';
import { questionShape } from '../../../src/features/remit/domain/question-shape';
import { SpellingCorrector, editDistance } from '../../../src/features/remit/domain/spelling-corrector';
import { stem } from '../../../src/features/remit/domain/stemmer';
import type { KnowledgeEntry } from '../../../src/features/remit/domain/knowledge-entry';
import { reviewNote } from '../../../src/features/remit/teams/remit-cards';
import { KnownBodies } from '../../../src/features/remit/domain/known-bodies';
import { askedPairs, sharedPairShare, wordPairsOf } from '../../../src/features/remit/domain/word-pairs';

const thesaurus = sharedThesaurus();

describe('spelling correction against the index vocabulary', () => {
  const words = new Map([
    ['accountability', 3],
    ['challenge', 5],
    ['responsibilities', 4],
    ['launch', 1],
    ['placement', 6],
  ]);
  const corrector = new SpellingCorrector({ words, isEnglish: (word) => thesaurus.isEnglish(stem(word)) });

  it.each([
    ['accountabilty', 'accountability'],
    ['challange', 'challenge'],
    ['responsibilites', 'responsibilities'],
    ['placment', 'placement'],
    ['plcaement', 'placement'],
    // Two letters dropped from a long word: no single deletion of the indexed word meets it.
    ['accountabily', 'accountability'],
    ['resposibilities', 'responsibilities'],
  ])('corrects %s to %s', (typo, word) => {
    expect(corrector.correct(typo)).toBe(word);
  });

  it('leaves real English words, known words, short words and numbers alone', () => {
    expect(corrector.correct('lunch')).toBe('lunch');
    expect(corrector.correct('challenges')).toBe('challenges');
    expect(corrector.correct('cse')).toBe('cse');
    expect(corrector.correct('2015')).toBe('2015');
    expect(corrector.correct('qwertyuiop')).toBe('qwertyuiop');
  });

  it('allows two edits only in words of eight letters or more: a place name is not a typo of a short word', () => {
    const withInvite = new SpellingCorrector({ words: new Map([['invite', 2]]), isEnglish: () => false });
    expect(withInvite.correct('invicta')).toBe('invicta');
    expect(withInvite.correct('invte')).toBe('invite');
  });

  it('corrects a typo the index itself holds once (an alternative written as members type) to the common word', () => {
    const isEnglish = (word: string) => thesaurus.isEnglish(stem(word));
    const withTypo = new SpellingCorrector({
      words: new Map([...words, ['challenge', 20], ['chalenge', 1], ['camhs', 1], ['camhz', 1]]),
      isEnglish,
    });
    expect(withTypo.correct('chalenge')).toBe('challenge');
    // Only a common English word makes the rare one a typo: two rare acronyms are both kept.
    expect(withTypo.correct('camhs')).toBe('camhs');
    expect(withTypo.correct('camhz')).toBe('camhz');
  });

  it('keeps a rare word that is a real English word, or that is seen often enough to be meant', () => {
    const isEnglish = (word: string) => thesaurus.isEnglish(stem(word));
    const withRare = new SpellingCorrector({ words: new Map([...words, ['challenge', 20], ['lunch', 1], ['chalenge', 3]]), isEnglish });
    expect(withRare.correct('lunch')).toBe('lunch');
    expect(withRare.correct('chalenge')).toBe('chalenge');
  });

  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('form', 'from', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
  });
});

describe('the English thesaurus extract', () => {
  it('knows English words and maps words the documents do not use to words they do', () => {
    expect(thesaurus.isEnglish(stem('lunch'))).toBe(true);
    expect(thesaurus.isEnglish(stem('accountabilty'))).toBe(false);
    expect(thesaurus.relatedStems(stem('teen'))).toContain(stem('adolescent'));
  });

  it('knows which words are mostly nouns', () => {
    for (const noun of ['pizza', 'queen', 'weather']) expect(thesaurus.isMostlyNoun(stem(noun))).toBe(true);
    for (const other of ['turn', 'expected', 'proper', 'partially']) expect(thesaurus.isMostlyNoun(stem(other))).toBe(false);
  });
});

describe('everyday words the documents never use', () => {
  const frequency = sharedWordFrequency();
  const expander = new SynonymExpander([], { thesaurus, wordRank: (word) => frequency.rank(word) });
  expander.useIndex((term) => ['panel', 'meet'].includes(term));
  const weightOf = (question: string, word: string) =>
    expander.concepts(tokenize(question)).find((c) => c.terms.has(word))?.informativeness ?? 1;

  it('count for less when they are everyday verbs and adjectives, in full when they are nouns or rare', () => {
    expect(weightOf('do we have to turn up', 'turn')).toBeLessThan(1);
    expect(weightOf('a proper answer', 'proper')).toBeLessThan(1);
    expect(weightOf('how old is the queen', 'queen')).toBe(1);
    expect(weightOf('braille copies', 'braille')).toBe(1);
    expect(informativeness(undefined)).toBe(1);
    expect(informativeness(100)).toBeLessThan(informativeness(3000));
  });

  it('reads a phrase whose small words carry its meaning ("answer to") as the phrase, never its content word alone', () => {
    const phrases = new SynonymExpander([
      ['accountable', 'answer to'],
      ['clerk', 'takes the minutes'],
    ]);
    const termsOf = (question: string) => phrases.concepts(tokenize(question)).flatMap((c) => [...c.terms.keys()]);
    const [accountable, clerk] = [stem('accountable'), stem('clerk')];
    expect(termsOf('who does the panel answer to')).toEqual(expect.arrayContaining([accountable, 'answer']));
    expect(termsOf('who takes the minutes')).toEqual(expect.arrayContaining([clerk, 'minutes']));
    // "answer" and "minutes" alone mean themselves.
    expect(termsOf('where is the answer')).not.toContain(accountable);
    expect(termsOf('where are the minutes')).not.toContain(clerk);
    // Asked about "accountable", the search does not look for every "answer".
    expect(termsOf('who is the panel accountable to')).not.toContain('answer');
  });

  it('reads "how long" as asking for a time, and "long" elsewhere as a word of the topic', () => {
    const strengthOf = (question: string) =>
      expander.concepts(tokenize(question)).find((c) => [...c.terms.keys()].some((t) => t.includes('long')))?.strength;
    expect(strengthOf('how long has kent used challenge cards')).toBe('intent');
    expect(strengthOf('long term placements')).toBe('strong');
  });

  it('reads "the number of" as how many, and "number" elsewhere as a phone number', () => {
    const contact = new SynonymExpander([['phone', 'number']]);
    const asksToContact = (question: string) => contact.concepts(tokenize(question)).some((c) => c.terms.has('phone'));
    expect(asksToContact('what is the number of care leavers')).toBe(false);
    expect(asksToContact('what is the number for democratic services')).toBe(true);
  });

  it('reads "where is that from?" as asking for a source, not a place', () => {
    const strengths = (question: string) => expander.concepts(tokenize(question)).map((c) => [...c.terms.keys()][0]);
    expect(strengths('where does that come from')).not.toContain('where');
    expect(expander.concepts(tokenize('where does the panel meet')).some((c) => c.strength === 'intent')).toBe(true);
  });

  it('reads "what does the panel exist to do" as asking what it is for', () => {
    const [exist] = expander.concepts(tokenize('why does the panel exist')).filter((c) => c.terms.has('exist'));
    expect(exist?.strength).toBe('intent');
    expect(exist?.terms.has(stem('purpose'))).toBe(true);
  });
});

describe('question shapes', () => {
  it.each([
    ['how many foster carers are there', 'count'],
    ['what % of children were adopted', 'count'],
    ['when did the merger happen', 'date'],
    ['who chaired the select committee', 'person'],
    ['what is the panel for', 'any'],
  ] as const)('%s wants %s', (question, wants) => {
    expect(questionShape(question).wants).toBe(wants);
  });

  it('reads whose ages are asked for, also when a second body is asked after it', () => {
    expect(questionShape('what age range is the young adult council for?').explains).toBe('young adult council');
    expect(questionShape('what age range is the young adult council for? and ocypc?').explains).toBe('young adult council');
    expect(questionShape('what ages is the super council aimed at').explains).toBe('super council');
  });

  it('tells a question about now, an identity question and an acronym question', () => {
    expect(questionShape('how many children are in care right now').aboutNow).toBe(true);
    expect(questionShape('what is the current strategy').aboutNow).toBe(true);
    expect(questionShape('what does the strategy say').aboutNow).toBe(false);
    // "Going to" a meeting is travelling there, not a plan the documents cannot know.
    expect(questionShape('first time going to cpp - what building is it in').aboutNow).toBe(false);
    expect(questionShape('is kcc going to change the pledge').aboutNow).toBe(true);
    // What came of something later than the documents: what a review found when it reported back.
    expect(questionShape('what did the fostering review find when it reported back').aboutNow).toBe(true);
    expect(questionShape('which provider got the contract in the end').aboutNow).toBe(true);
    expect(questionShape('does the panel report back to local members').aboutNow).toBe(false);
    // What a report said when it finally came is what happened after the documents; what they said finally is not.
    expect(questionShape('what did the adoption report say when it finally came to cpp').aboutNow).toBe(true);
    expect(questionShape('what did the select committee finally recommend').aboutNow).toBe(false);
    expect(questionShape('did the minister ever reply to the letter').aboutNow).toBe(true);
    expect(questionShape('did the select committee ever recommend training').aboutNow).toBe(false);
    // A bare "now" asks for today's figure or post holder; with no fact asked for, it is a state the documents describe.
    expect(questionShape('how many uasc are there now').aboutNow).toBe(true);
    expect(questionShape('who chairs the panel these days').aboutNow).toBe(true);
    expect(questionShape('are the panel and the group one body now').aboutNow).toBe(false);
    expect(questionShape('is cambridgeshires version a board or a sub-committee these days').aboutNow).toBe(false);
    // ...or asks what, who or how, today: "what checks does KCC now do".
    expect(questionShape('what checks does kcc now do on host families? the minutes said work was underway').aboutNow).toBe(true);
    expect(questionShape('how are they different, or are they one body now?').aboutNow).toBe(false);
    expect(questionShape('what is on the agenda right now').aboutNow).toBe(true);
    expect(questionShape('who is the leader of the council').identity).toBe(true);
    expect(questionShape('who is the panel accountable to').identity).toBe(false);
    expect(questionShape('who is on the panel').identity).toBe(false);
    expect(questionShape('who wrote the cambridgeshire report').identity).toBe(true);
    // Whom a body appointed is a person, by name: "a lead participation officer" is a post, not who got it.
    expect(questionShape('who did the council appoint as virtual school head').identity).toBe(true);
    expect(questionShape('who did the panel report to').identity).toBe(false);
    // "Did the report name" is the verb: what it named, not whose name.
    expect(questionShape('which two bodies did the 2015 report name for housing').identity).toBe(false);
    expect(questionShape('what is the name of the lead participation officer').identity).toBe(true);
    expect(questionShape('who was chairing the sub-committee in 2017').identity).toBe(true);
    // A membership list answers "who are the members of X", names or not.
    expect(questionShape('who are the members of the corporate parenting panel').identity).toBe(false);
    expect(questionShape('what does CSE stand for').acronymFrame).toBe(true);
    expect(questionShape('ofsted full name').acronymFrame).toBe(true);
    expect(questionShape('what is the full range of services').acronymFrame).toBe(false);
  });

  it('reads what an "explain X" question wants explained, and tells an answer that only lists it', () => {
    expect(questionShape('what is permanence planning').explains).toBe('permanence planning');
    expect(questionShape('how does the dispersal scheme actually work').explains).toBe('dispersal scheme');
    expect(questionShape('what does the charter promise, like the pledges').explains).toBe('charter');
    expect(questionShape('what is the panel for').explains).toBeUndefined();
    expect(questionShape('what was the select committee all about').explains).toBe('select committee');
    expect(questionShape('tell me about the select committee').explains).toBe('select committee');
    expect(questionShape("what's the virtual school").explains).toBe('virtual school');
    // The workings, contents or result of X, which a mention of X does not give; "what is X" is not one.
    expect(questionShape('how does the dispersal scheme actually work').detailOf).toBe('dispersal scheme');
    expect(questionShape('what does the charter include').detailOf).toBe('charter');
    expect(questionShape('what was the outcome of the interview').detailOf).toBe('interview');
    // What a named thing holds: its promises, values, what is written in it, what it entitles to.
    expect(questionShape("what are the actual promises in kent's care leavers charter?").detailOf).toBe('kent care leavers charter');
    expect(questionShape('can you list the core values from the statement of purpose').detailOf).toBe('statement of purpose');
    expect(questionShape('wots written in the care leavers charter, like wot am i entitled to').detailOf).toBe('care leavers charter');
    expect(questionShape('what does the charter say care leavers are entitled to').detailOf).toBe('charter');
    expect(questionShape("what do care leavers actually get under kent's care leavers charter").detailOf).toBe('care leavers charter');
    expect(questionShape('wot does the pledge promise').detailOf).toBe('pledge');
    expect(questionShape('what are the principles in the 2017 act').held).toBe('principles');
    expect(questionShape('how does the dispersal scheme work').held).toBeUndefined();
    expect(questionShape('what is permanence planning').detailOf).toBeUndefined();
    expect(questionShape('who chairs the panel').explains).toBeUndefined();
    const stems = (text: string) => contentStems(tokenize(text));
    const listing =
      'The panel should be aware of national expectations, including:\n- the adoption reform agenda;\n- changes to permanence planning;';
    expect(onlyNames(listing, [...stems('permanence planning')], stems)).toBe(true);
    expect(onlyNames('Permanence planning means finding a child a stable home for life.', [...stems('permanence planning')], stems)).toBe(
      false,
    );
    expect(onlyNames(listing, [...stems('staying put')], stems)).toBe(false);
    // A word of the subject the answer never uses says nothing either way: the item still only names it.
    expect(onlyNames(listing, [...stems('permanence planning policy')], stems)).toBe(true);
    // Words every answer uses do not name the subject.
    expect(onlyNames(listing, [...stems('statistics on children in care')], stems)).toBe(false);
  });

  it('reads the months a text names, "May" only beside a day or a year', () => {
    expect(monthsIn('the June 2017 meeting and 8 Feb')).toEqual(['june', 'february']);
    expect(monthsIn('in May 2016, or on 5th may')).toEqual(['may', 'may']);
    expect(monthsIn('you may ask what happened in March')).toEqual(['march']);
  });

  it('reads "who is the <body>" as asking for a body, not a name', () => {
    expect(questionShape('who is the governing body for the virtual school').identity).toBe(false);
    expect(questionShape('who is the team that supports the panel').identity).toBe(false);
    expect(questionShape('who is the virtual school head').identity).toBe(true);
  });

  it('reads "what is X called" as asking for a name when X is a post', () => {
    expect(questionShape('what is the virtual school head called?').identity).toBe(true);
    expect(questionShape("what's the chairman called").identity).toBe(true);
    // However it is typed: without the apostrophe, or after a typo has been corrected.
    expect(questionShape('whats the chairman called').identity).toBe(true);
    expect(questionShape('what is the group for young adults called').identity).toBe(false);
  });

  it.each([
    // A job for an assistant, not a question about the panel.
    ['review my report', 'taskRequest', true],
    ['can you draft this email for me', 'taskRequest', true],
    ['please proofread our briefing', 'taskRequest', true],
    ['can you help me write an out of office message for teams', 'taskRequest', true],
    ['help me to draft a reply to a resident', 'taskRequest', true],
    ['who can help me with a challenge card', 'taskRequest', false],
    ['review the challenge card report', 'taskRequest', false],
    ['what reports does the panel review', 'taskRequest', false],
    // Money, which only an answer speaking of money can answer.
    ["what is the panel's budget", 'money', true],
    ['how much do foster carers get paid', 'money', true],
    ['how much does it cost', 'money', true],
    ['how much does kcc spend a year on out-of-county placements', 'money', true],
    ['how long have most children spent in care', 'money', false],
    ['how many children are in care', 'money', false],
    // How to do something, which only an answer saying how can answer.
    ['how does a foster carer go about joining the panel', 'procedure', true],
    ['how can young people apply to be on the council', 'procedure', true],
    ['how does the panel hear from young people', 'procedure', false],
    ['how do i book a meeting room', 'procedure', true],
    ['how do i complain about childrens social services', 'procedure', true],
    ['how could i foster a teenager', 'procedure', true],
    ['how can we reduce foster placements breaking down', 'procedure', false],
    // A length of time, which only an answer giving one can answer.
    ['how long is a panel meeting', 'duration', true],
    ['how long do members serve on the panel', 'duration', true],
    ['how long has kent used challenge cards', 'duration', false],
    // Read through fillers.
    ['who was actually at the meeting', 'identity', true],
    ['who chaired the group before the merger', 'identity', true],
    ['how many children are really in care right now', 'aboutNow', true],
    ['when is the next ofsted inspection', 'aboutNow', true],
    ['what are the names of the panel members', 'identity', true],
    // Who took a post, or holds another council's post, is asked for by name.
    ['who was appointed as the new virtual school head', 'identity', true],
    ['who got the job of independent reviewing officer', 'identity', true],
    ["who is medway's director of children's services", 'identity', true],
    ["who is kent's corporate parenting panel accountable to", 'identity', false],
  ] as const)('"%s": %s is %s', (question, flag, expected) => {
    expect(questionShape(question)[flag]).toBe(expected);
  });

  it('reads a question about who attended, and finds attendance in an answer', () => {
    expect(questionShape('who was actually at the march meeting').attendance).toBe(true);
    expect(questionShape('were there any apologies').attendance).toBe(true);
    expect(questionShape('who came up with the idea').attendance).toBe(false);
    expect(questionShape('who sits on the panel').attendance).toBe(false);
    expect(speaksOfAttendance('Apologies were received from Mr Smith.')).toBe(true);
    expect(speaksOfAttendance('The panel meets four times a year.')).toBe(false);
  });

  it('finds a length of time in an answer', () => {
    expect(holdsDuration('Meetings last about two hours.')).toBe(true);
    expect(holdsDuration('Members serve a four-year term.')).toBe(true);
    expect(holdsDuration('The panel meets four times a year.')).toBe(false);
  });

  it('finds how often something happens in an answer', () => {
    expect(holdsFrequency('The panel meets four times a year.')).toBe(true);
    expect(holdsFrequency('The panel asked for quarterly updates.')).toBe(true);
    expect(holdsFrequency('Data would be produced on breakdown rates.')).toBe(true);
    expect(holdsFrequency('Members serve a four-year term.')).toBe(false);
    expect(holdsFrequency("Councillors may visit children's homes.")).toBe(false);
  });

  it('finds an age in an answer', () => {
    expect(holdsAge('the Super Council (ages 7-11)')).toBe(true);
    expect(holdsAge('young people aged 16 to 25')).toBe(true);
    expect(holdsAge('support for under-18s')).toBe(true);
    expect(holdsAge('Staying Put is a national expectation the panel oversees.')).toBe(false);
  });

  it('tells a question asking for a conclusion, and an answer that gives one from one that says it was due', () => {
    expect(questionShape('what did ofsted conclude after interviewing the chairman').conclusion).toBe(true);
    expect(questionShape('what rating did kent get at the inspection').conclusion).toBe(true);
    expect(questionShape('what did the select committee recommend').conclusion).toBe(false);
    expect(givesAConclusion('The review found that placement stability had improved.')).toBe(true);
    expect(givesAConclusion('75% of residential homes were rated good or outstanding.')).toBe(true);
    expect(givesAConclusion('The Chairman announced that she was being interviewed by OFSTED the next day.')).toBe(false);
  });

  it('finds the units an answer gives figures in, and the unit a question asks for', () => {
    expect([...unitsIn('at least five clear working days before a meeting; 81% within 20 miles')]).toEqual(['day', 'mile']);
    expect(unitsIn('Adoptions were above target in 2016-17.').size).toBe(0);
    expect(questionShape('what was the average time to adoption in days').unit).toBe('day');
    expect(questionShape('how far away in miles were children placed').unit).toBe('mile');
    expect(questionShape('what happened in the days after the meeting').unit).toBeUndefined();
  });

  it('finds the age of the thing asked about, not of the one beside it', () => {
    const councils = 'They include the Super Council (ages 7-11), the OCYPC and the Young Adult Council (YAC).';
    expect(holdsAgeOf(councils, ['super'])).toBe(true);
    expect(holdsAgeOf(councils, ['adult'])).toBe(false);
    // Named in other words: any age the answer gives.
    expect(holdsAgeOf(councils, ['kids'])).toBe(true);
  });

  it('counts the items an answer lists, in lines or in a series, not every comma', () => {
    expect(listedItems('The priorities are:\n- education;\n- health;\n- placements;\n- leaving care.')).toBe(4);
    expect(listedItems('Members include foster carers, advocacy groups, Children in Care Councils and care leavers.')).toBe(4);
    expect(
      listedItems(
        'It has three components and creates choices for foster carers, children and young people about what helps them thrive, preventing disruption.',
      ),
    ).toBeLessThan(3);
  });

  it('reads an answer clause by clause, an initial not ending one', () => {
    expect(answerClauses('The Cabinet Member, Mr P.J. Oakford, spoke. Then:\n- a; b')).toEqual([
      'The Cabinet Member, Mr P.J. Oakford, spoke.',
      'Then:',
      '- a;',
      'b',
    ]);
  });

  it('finds whether an answer names the one asked about, not just someone', () => {
    const isEnglish = (word: string) => !['oakford', 'grayell'].includes(word);
    const answer = 'The foster carer awards (one couple had fostered 55 children).\nThe Cabinet Member, Mr P.J. Oakford, gave an update.';
    expect(namesThe(answer, 'couple', textStems, isEnglish)).toBe(false);
    expect(namesThe(answer, 'cabinet', textStems, isEnglish)).toBe(true);
  });

  it('takes a named place for the name of a place, and only then', () => {
    const isEnglish = (word: string) => word !== 'darent';
    const answer = 'The meeting was held in the Darent Room, Sessions House. The room was booked by the clerk.';
    expect(namesThe(answer, 'room', textStems, isEnglish)).toBe(true);
    expect(namesThe('The clerk booked the Darent Room.', 'clerk', textStems, isEnglish)).toBe(false);
    expect(namesThe('The room was booked by the clerk.', 'room', textStems, isEnglish)).toBe(false);
  });

  it('reads a question asking for a list of three or more', () => {
    expect(questionShape('what are the three components of the offer').listed).toBe(3);
    expect(questionShape('list the promises in the pledge').listed).toBe(3);
    expect(questionShape('can you list the core values').listed).toBe(3);
    // The one named and the other two.
    expect(questionShape('best start in life is one of three outcomes, what are the other two').listed).toBe(3);
    expect(questionShape('name of the cabinet member').listed).toBeUndefined();
    expect(questionShape("name of kent's director of children's services").nameOf).toBe('director');
    expect(questionShape('up to what age can a care leaver stay put').age).toBe(true);
    expect(questionShape('what does the ToR say they give the council').documentWords).toBe(true);
    expect(questionShape('according to the foreword, what have they been through').documentWords).toBe(true);
    expect(questionShape('what does the panel do').documentWords).toBe(false);
    expect(questionShape('what are the sgo breakdown rates').wants).toBe('count');
    expect(questionShape('what are the sgo breakdown rates').counts).toBe('sgo breakdown');
    expect(questionShape('sgo breakdown rates - did the panel ask for data').wants).toBe('any');
    expect(questionShape('what are the names of the couple who fostered 55 children').nameOf).toBe('couple');
    // Two things are named, not listed.
    expect(questionShape('what were the two groups that merged').listed).toBeUndefined();
    expect(questionShape('what are the priorities').listed).toBeUndefined();
  });

  it('finds money and "how to" in answers', () => {
    expect(holdsMoney('a budget of £2.4 million')).toBe(true);
    expect(holdsMoney('a rent guarantor scheme and help with council tax')).toBe(false);
    expect(holdsMoney('travel expenses are paid within three months of a claim')).toBe(true);
    expect(holdsMoney('members paid attention to children in homes')).toBe(false);
    expect(saysHow('call 03000 421553 or email alternativeformats@kent.gov.uk')).toBe(true);
    expect(saysHow('The Super Council is for ages 7-11.')).toBe(false);
  });

  it('hears "what does X do" as a question about a role', () => {
    expect(asksWhatSomethingDoes(tokenize('what does the cpp do in a nutshell'))).toBe(true);
    expect(asksWhatSomethingDoes(tokenize('what do corporate parents actually do'))).toBe(true);
    expect(asksWhatSomethingDoes(tokenize('what does it mean'))).toBe(false);
    expect(asksWhatSomethingDoes(tokenize('who does what'))).toBe(false);
    expect(asksWhatSomethingDoes(tokenize('what is the panel there to do'))).toBe(true);
    expect(asksWhatSomethingDoes(tokenize('what are corporate parents supposed to do'))).toBe(true);
    expect(asksWhatSomethingDoes(tokenize('what is there to do at the event'))).toBe(false);
  });

  it('hears "what did X find" as a question about findings, and "where can I find" as not', () => {
    expect(asksWhatWasFound(tokenize('what did the select committee find'))).toBe(true);
    expect(asksWhatWasFound(tokenize('where can i find the minutes'))).toBe(false);
  });

  it('finds a count only where there is one, not in years or numbered labels', () => {
    expect(holdsCount('There were 725 known care leavers')).toBe(true);
    expect(holdsCount('nine members: five Conservative')).toBe(true);
    expect(holdsCount('Recommendation 12: a report by June 2016')).toBe(false);
    expect(holdsCount('Section 22 of the Children Act 1989')).toBe(false);
  });

  it('reads what "how many X" counts, and finds a figure of X rather than of something beside it', () => {
    expect(questionShape('how many foster carers does kent have').counts).toBe('foster carers');
    expect(questionShape('what is the number of children in care').counts).toBe('children in');
    expect(questionShape('how many kids got adopted from april 2016').counts).toBe('kids adopted');
    expect(questionShape('who replaced jenny whittle on the panel after the election').replaced).toBe('whittle');
    expect(questionShape('who took over from mr neaves').replaced).toBe('neaves');
    expect(questionShape('who replaced her').replaced).toBeUndefined();
    expect(questionShape('how many have been in the same placement for 2 years').counts).toBeUndefined();
    expect(questionShape('adoptions since april 2016 - how many and did we beat the target').counts).toBeUndefined();
    expect(questionShape('what is the panel for').counts).toBeUndefined();
    const counts = (answer: string, counted: ReadonlySet<string>) => countsSubject(tokenize(answer), tokenize(answer).map(stem), counted);
    const leavers = contentStems(tokenize('care leavers'));
    expect(counts('There were 725 known care leavers', leavers)).toBe(true);
    expect(counts('321 young people were placed out of county; care leavers get help', leavers)).toBe(false);
    expect(counts('nine members: five Conservative', contentStems(tokenize('conservatives')))).toBe(true);
    // "One" next to the thing counted is a figure; "one of" is not one of it.
    expect(counts('two UKIP, one Labour and one Liberal Democrat', contentStems(tokenize('lib dems liberal democrats')))).toBe(true);
    expect(counts('one of the care leavers spoke', leavers)).toBe(false);
    // A year before the thing is when, not how many.
    expect(counts('The minutes of 20 March 2017 say: care leavers were supported', leavers)).toBe(false);
  });

  it('finds a person named, or a plain statement that the documents do not name them', () => {
    const english = (word: string) => thesaurus.isEnglish(stem(word)) || ['the', 'of'].includes(word);
    expect(namesSomeone('chaired by Mrs Zita Wiltshire', english)).toBe(true);
    expect(namesSomeone('The terms of reference name Theresa Grayell', english)).toBe(true);
    expect(namesSomeone('The documents do not name the current Chairman', english)).toBe(true);
    expect(namesSomeone('The Lead Member provides political leadership', english)).toBe(false);
    expect(namesSomeone('The panel meets in the Darent Room, Sessions House', english)).toBe(false);
  });
});

describe('two questions in one message', () => {
  it.each([
    ['Who chairs the panel and where does it meet?', ['Who chairs the panel', 'where does it meet?']],
    ['How often does it meet? Is it open to the public?', ['How often does it meet', 'Is it open to the public?']],
    ['Who is on the panel, and how are they chosen?', ['Who is on the panel', 'how are they chosen?']],
    // One question going on: "and" joins what it asks about, or too little is left to ask anything.
    [
      'what did the select committee say about camhs and out of area children',
      ['what did the select committee say about camhs and out of area children'],
    ],
    ['who chairs it and when', ['who chairs it and when']],
    ['what is the panel? why?', ['what is the panel? why?']],
  ])('%s -> %j', (message, parts) => {
    expect(questionParts(message)).toEqual(parts);
  });

  it.each([
    ['whats an SGO - it came up under the adoption item', 'whats an SGO'],
    ['what is LAC, someone mentioned it', 'what is LAC'],
    // An aside that asks something is a second question, not an aside.
    ['what is LAC - how many are there?', undefined],
    ['what is LAC', undefined],
  ])('reads the question before an aside: %s -> %p', (message, asked) => {
    expect(beforeAnAside(message)).toBe(asked);
  });
});

describe('self-introductions in front of a question', () => {
  it.each([
    ["I'm a new councillor - what is the corporate parenting panel?", 'what is the corporate parenting panel?'],
    ['As a foster carer on the panel, what are the priorities?', 'what are the priorities?'],
    ["I've just been elected, what does being a corporate parent mean for me?", 'what does being a corporate parent mean for me?'],
    ['just been put on the corporate parenting panel, what does it exist to do', 'the panel: what does it exist to do'],
    ["I've just been elected to the council - who chairs the panel?", 'who chairs the panel?'],
    ['cllr here, been put on the cpp - what is it for', 'the panel: what is it for'],
    ['foster carer here, been asked to join the panel. who else is on it?', 'the panel: who else is on it?'],
    ['been put on the agenda, what happens next', 'been put on the agenda, what happens next'],
    ['what is the panel for?', 'what is the panel for?'],
    ["I'm the designated doctor for looked after children - who chairs the panel?", 'who chairs the panel?'],
    ['School governor here: what is the virtual school?', 'what is the virtual school?'],
    ['I sit on the health and wellbeing board, does the panel report to us?', 'does the panel report to us?'],
    ['Police partner: are councillors on the panel operational or strategic?', 'are councillors on the panel operational or strategic?'],
    ['I chair the pensions committee - am I a corporate parent?', 'am I a corporate parent?'],
    ['Recommendation 6: what did it ask for?', 'Recommendation 6: what did it ask for?'],
    ["I'm on the planning committee not children's - am I still a corporate parent?", 'am I still a corporate parent?'],
    ["I'm on the fence about this - who chairs the panel?", "I'm on the fence about this - who chairs the panel?"],
    ['the 2015 review - who sat on it?', 'the 2015 review - who sat on it?'],
    ["I'm not sure what the panel does - can you explain?", "I'm not sure what the panel does - can you explain?"],
    [
      'as far as I know the panel meets every two months, is that right?',
      'as far as I know the panel meets every two months, is that right?',
    ],
  ])('%s -> %s', (question, rest) => {
    expect(withoutPreamble(question)).toBe(rest);
  });
});

describe('what a Teams message wraps around a question', () => {
  it.each([
    ['Hi, I am Cllr Smith. Quick question: who chairs the panel? Thanks', 'who chairs the panel'],
    ['Question from Cllr Jones - where does the panel meet', 'where does the panel meet'],
    ['Can you tell me who chairs the panel', 'who chairs the panel'],
    ['could you please let me know whether the panel meets in public?', 'the panel meets in public?'],
    ["I'd like to know how often the panel meets", 'how often the panel meets'],
    ['do you know what NEET means', 'what NEET means'],
    ['hi bot NEET ta', 'NEET'],
    ['who chairs the panel please', 'who chairs the panel'],
    // "Tell me about ..." asks to have something explained: it is the question.
    ['tell me about the virtual school', 'tell me about the virtual school'],
    ['can you tell me about the virtual school', 'can you tell me about the virtual school'],
    ['Morning! where does the panel meet', 'where does the panel meet'],
    ['Dear bot, who is the panel accountable to please. Kind regards, Jo', 'who is the panel accountable to please'],
    ['who chairs the panel?? thx', 'who chairs the panel'],
    ['what is the corporate parenting panel Many thanks', 'what is the corporate parenting panel'],
    // "Thanks to carers" is what is asked about, not a sign-off with a name.
    ['what did the panel say thanks to carers', 'what did the panel say thanks to carers'],
    ['hi who chairs the panel', 'who chairs the panel'],
    ['Sorry to bother you, but who chairs the panel', 'who chairs the panel'],
    ['sorry if this is a daft q but what does corporate parent mean', 'what does corporate parent mean'],
    ['confirming for the web page - is the cpp the governing body of vsk?', 'is the cpp the governing body of vsk?'],
    ["Hi, I'm putting together briefing notes for the new intake of members and want to get this right - who chairs it?", 'who chairs it?'],
    ['Any idea who chairs the panel?', 'who chairs the panel?'],
    // What the answer is wanted for, after the question.
    ['cswa principles - can u list them, i need them for a pathway plan template', 'cswa principles - can u list them'],
    ['any wins from challenge cards? need a couple of examples for a presentation to members', 'any wins from challenge cards'],
    ["who chairs the panel? it's for a briefing note", 'who chairs the panel'],
    ['have challenge cards changed anything or is it a tick box thing?', 'have challenge cards changed anything'],
    ['challenge cards just get binned, right?', 'challenge cards just get binned'],
    ["training is compulsory now, isn't it?", 'training is compulsory now'],
    ['is that right?', 'is that right?'],
    ['what have the cards delivered, or is it just a box-ticking exercise?', 'what have the cards delivered'],
    ['is the cpp a council committee or is it a partnership?', 'is the cpp a council committee or is it a partnership?'],
    // ...which a question about what something is for is not.
    ['what do care leavers need for their pathway plan', 'what do care leavers need for their pathway plan'],
    ['who is the handbook for? is it for new councillors?', 'who is the handbook for? is it for new councillors?'],
    ['Hi, hope you are well. Where does the panel meet? Thanks', 'Where does the panel meet'],
    ["I'm Jo from the fostering team - what is sense of belonging?", 'what is sense of belonging?'],
    ['who chairs the panel https://democracy.kent.gov.uk/x?ID=693', 'who chairs the panel'],
    // How to word the answer is not what it is about; "explain" asks to be told.
    ['just elected - what is the cpp actually for, in plain english?', 'just elected - what is the cpp actually for?'],
    ['could you explain in simple terms what the panel is there to do?', 'what the panel is there to do?'],
    ['writing a cover note - in a couple of lines, what is the cpp for?', 'what is the cpp for?'],
    ['what does the cpp do in a nutshell', 'what does the cpp do'],
    // ...unless the words are what is asked about.
    ['was there a plain english booklet for councillors', 'was there a plain english booklet for councillors'],
    // Words that only look like a greeting or a sign-off are the question.
    ['morning meetings - are there any', 'morning meetings - are there any'],
    ['which council did it best', 'which council did it best'],
    ['best start in life', 'best start in life'],
    // Runs of spaces are one space: a long run costs no more than a short one.
    [`who chairs${' '.repeat(400)}the panel`, 'who chairs the panel'],
    // Nothing but the wrapping: left as it is (the bot answers "thanks" itself).
    ['Thanks!', 'Thanks!'],
  ])('%s -> %s', (message, question) => {
    expect(withoutPreamble(message)).toBe(question);
  });

  it('makes a run of spaces one space before any pattern reads it (a long run would meet them at every length)', () => {
    expect(withoutPreamble(`i am a ${' '.repeat(9000)}x`)).toBe('i am a x');
    expect(withoutPreamble(`${' '.repeat(9000)}who chairs the panel \n\n  thanks`)).toBe('who chairs the panel');
  });
});

describe('source documents', () => {
  it('splits sections, paragraphs and bullets, keeping the lead-in of a list for the search only', () => {
    const passages = parseSourceDocument(
      'document: Terms\nsays: The terms say\n\n## Accountability\nThe Panel is accountable:\n- To the County Council\n- To looked after children\n',
      'tor',
      'tor.txt',
    );
    expect(passages.map((p) => p.text)).toEqual(['The Panel is accountable:', 'To the County Council', 'To looked after children']);
    expect(passages[1]).toMatchObject({
      id: 'source-tor-2',
      section: 'Accountability',
      leadIn: 'The Panel is accountable:',
      document: 'Terms',
    });
  });

  it('refuses a file without its header, or text before the first section, naming the file', () => {
    expect(() => parseSourceDocument('## A\ntext\n', 'x', 'x.txt')).toThrow(KnowledgeLoadError);
    expect(() => parseSourceDocument('document: D\nsays: S\ntext first\n## A\n', 'x', 'x.txt')).toThrow(/x\.txt/);
  });
});

describe('review notes on answer cards', () => {
  const entry = (reviewed: string): KnowledgeEntry => ({
    id: 'e',
    kind: 'topic',
    question: 'Q',
    answer: 'A',
    source: { document: 'D', section: 'S' },
    related: [],
    review: { owner: 'O', reviewed, reviewBy: '2030-01-01' },
  });

  it('says when the answer was last reviewed only when that is more than a year ago', () => {
    expect(reviewNote(entry('2025-12-02'), '2026-12-01')).toBe('');
    expect(reviewNote(entry('2025-11-30'), '2026-12-01')).toContain('Last reviewed Sunday 30 November 2025');
  });
});

describe('panels, committees and boards the documents never speak of', () => {
  const bodies = new KnownBodies(
    [
      'The Corporate Parenting Panel reports to the Scrutiny Committee.',
      'the Health and Wellbeing Board',
      'reports from the Kent Safeguarding Children Board',
    ].map((text) => tokenize(text)),
    [{ acronym: 'KSCB', meaning: 'Kent Safeguarding Children Board' }],
  );
  const namesAnother = (question: string) => bodies.namesAnother(tokenize(question));

  it.each([
    // Another body, named by the word before "panel", "committee" or "board".
    ['who sits on the fostering panel', true],
    ['what does the planning committee do', true],
    ['adoption panel terms of reference', true],
    ["what does kent's adoption panel do", true],
    // The bodies the documents name, an acronym of one, or a word that only picks one out.
    ['what does the corporate parenting panel do', false],
    ['does the panel report to the scrutiny committee', false],
    ['who chairs the health and wellbeing board', false],
    // A word further into a body's name, past the everyday ones, names it too.
    ["does the panel get the safeguarding board's reports", false],
    ['who sits on the wellbeing board', false],
    ['who sits on the licensing board', true],
    ['what is the kscb board', false],
    ['does every committee have to think about children in care', false],
    ["what is on kent's panel agenda", false],
    ['how can i get panel papers in large print', false],
    // A word that describes the body rather than names it.
    ['when did the merged panel start', false],
    ['does the virtual school have a governing board', false],
    ['is the cpp the school board for the virtual school', false],
  ])('"%s" names another body: %s', (question, another) => {
    expect(namesAnother(question)).toBe(another);
  });
});

describe('neighbouring words kept together', () => {
  const expander = new SynonymExpander([['accountable', 'answerable']]);
  const asked = (question: string) => askedPairs(expander.concepts(tokenize(question)));
  const accountability = wordPairsOf(['Who is the panel accountable to?', 'Who does the panel report to?', 'reporting lines']);
  const reports = wordPairsOf(['Which reports does the panel consider?', 'What does the board report on to the panel?']);

  it('pairs the content words of each phrasing in order, small words between them skipped', () => {
    expect([...wordPairsOf(['Who does the panel report to?'])]).toEqual(['panel report']);
    expect(wordPairsOf(['the lead member for children']).has('member child')).toBe(true);
    // Not across phrasings, and not backwards.
    expect(wordPairsOf(['the panel', 'report to']).has('panel report')).toBe(false);
    expect(wordPairsOf(['report to the panel']).has('panel report')).toBe(false);
  });

  it("scores the share of the question's neighbouring words an entry also keeps together", () => {
    expect(sharedPairShare(asked('who does the panel report to'), accountability)).toBe(1);
    expect(sharedPairShare(asked('who does the panel report to'), reports)).toBe(0);
    // The question's own spellings count, not its synonyms: a pair is how the member put it.
    expect(sharedPairShare(asked('is the panel answerable to the council'), accountability)).toBe(0);
    expect(sharedPairShare(asked('reporting lines of the panel'), accountability)).toBe(0.5);
  });

  it('has nothing to say about a one-word question or an entry it does not know', () => {
    expect(sharedPairShare(asked('accountability'), accountability)).toBe(0);
    expect(sharedPairShare(asked('who does the panel report to'), undefined)).toBe(0);
  });
});
