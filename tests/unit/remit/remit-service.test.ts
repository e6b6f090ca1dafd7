import { KnowledgeBase } from '../../../src/features/remit/domain/knowledge-base';
import { type RemitResult, RemitService } from '../../../src/features/remit/remit-service';

const knowledge = KnowledgeBase.loadFromDirectory();
const service = new RemitService(knowledge);

function answered(question: string): Extract<RemitResult, { kind: 'answer' }> {
  const result = service.answer(question);
  if (result.kind !== 'answer') throw new Error(`"${question}" was declined (${result.reason})`);
  return result;
}

describe('RemitService', () => {
  describe('glossary shortcut', () => {
    it.each([
      ['NEET', 'glossary-neet'],
      ['OCYPC?', 'glossary-ocypc'],
      ['what is IRO', 'glossary-iro'],
      ['What does UASC mean?', 'glossary-uasc'],
      ['uasc stands for', 'glossary-uasc'],
      ['CICCs', 'glossary-cicc'],
      ['define camhs', 'glossary-camhs'],
      ['Ofsted', 'glossary-ofsted'],
      ['what is virtual school for kent', 'glossary-vsk'],
      ['ToR', 'glossary-tor'],
      // What an acronym stands for, typed on its own, word for word.
      ['Looked After Children', 'glossary-lac'],
      ['not in education, employment or training?', 'glossary-neet'],
      ['Our Children and Young People’s Council', 'glossary-ocypc'],
      // What an acronym stands for, then an aside.
      ['whats an SGO - it came up under the adoption item', 'glossary-sgo'],
    ])('answers %s from the glossary with full confidence', (question, id) => {
      const result = answered(question);
      expect(result.entry.id).toBe(id);
      expect(result.entry.kind).toBe('glossary');
      expect(result.confidence).toBe(1);
    });

    it('explains the acronym in the answer', () => {
      expect(answered('UASC').entry.answer).toMatch(/^UASC stands for Unaccompanied Asylum Seeking Children\./);
    });

    it.each([
      ["What's an Independent Reviewing Officer?", 'glossary-iro'],
      ['Special Guardianship Order - what is it?', 'glossary-sgo'],
      ['explain child and adolescent mental health services', 'glossary-camhs'],
      ['what is the Health Overview and Scrutiny Committee', 'glossary-hosc'],
      ['Special Guardianship Orders?', 'glossary-sgo'],
      ["What's a NEET young person?", 'glossary-neet'],
      ['what is a UASC child', 'glossary-uasc'],
      ['what is a CAMHS child', 'glossary-camhs'],
      ['joint strategic needs assessment', 'glossary-jsna'],
    ])('answers "what is <what an acronym stands for>" from the glossary when no topic explains it: %s', (question, id) => {
      const result = answered(question);
      expect(result.entry.id).toBe(id);
      expect(result.confidence).toBe(1);
    });

    it('leaves the definition to a topic written to explain it, and a question about more than the term to the search', () => {
      expect(answered('what is the corporate parenting panel').entry.id).toBe('tor-purpose');
      expect(answered('what is the independent reviewing officer film').entry.id).toBe('min-iro-film');
      expect(service.answer('how many unaccompanied asylum seeking children were there')).not.toMatchObject({
        entry: { id: 'glossary-uasc' },
      });
    });

    it('leaves longer questions that mention an acronym to the search', () => {
      expect(answered('what did the select committee say about camhs waiting times').entry.id).toBe('sc-rec-11');
    });
  });

  describe('synonyms and acronyms', () => {
    it.each([
      ['who chairs it', 'tor-chairman'],
      ['chairperson?', 'tor-chairman'],
      ['who is the chairman', 'tor-chairman'],
    ])('treats chair, chairs, chairperson and chairman alike: %s', (question, id) => {
      expect(answered(question).entry.id).toBe(id);
    });

    it('matches "kids" to answers that say "children"', () => {
      expect(answered('how does the panel listen to kids in care').entry.id).toBe('tor-hearing-views');
    });

    it('expands LAC to looked after children', () => {
      expect(answered('what is the strategy for lac').entry.id).toBe('tor-strategy');
      expect(answered('LAC').entry.id).toBe('glossary-lac');
    });

    it('reads recommendation numbers written as words or abbreviated', () => {
      expect(answered('recommendation six').entry.id).toBe('sc-rec-06');
      expect(answered('rec. 11').entry.id).toBe('sc-rec-11');
      expect(answered('what did recomendation 1 say').entry.id).toBe('sc-rec-01');
    });

    it.each([
      // Everyday political words for the formal ones.
      ['how many tories were on the select committee', 'sc-members'],
      ['did the select committee speak to young people in care', 'sc-overview'],
      // Text-speak question words, and "what did X find".
      ['wat is the corperate parenting panel for', 'tor-purpose'],
      ['what did the select comittee find', 'sc-key-findings'],
      // Council words for the report's formal ones.
      ['what did the review say about social worker turnover', 'sc-rec-15'],
      ['london boroughs placing kids in kent - what did the select committee want done', 'sc-rec-04'],
      // The process gives each accepted challenge an owner and progress updates (its reports to the panel are cc-reporting).
      ['how are challenges tracked', 'cc-process'],
      // "What is X called" asks what X is, not about phoning anyone.
      ['what is the cabinet member called', 'contact-cabinet-member'],
      ['what is the offer to foster carers called', 'min-sense-of-belonging'],
    ])('reads everyday wording: %s', (question, id) => {
      expect(answered(question).entry.id).toBe(id);
    });

    it('answers "how do I ..." only with an entry that says how to do that thing', () => {
      // Its phrasing asks how to get a document in another format; its answer says whom to call.
      expect(answered('how do i apply for a document in large print').entry.id).toBe('contact-alternative-formats');
      expect(answered('how do i get an item on the agenda').entry.id).toBe('tor-admin-support');
      // The council "becomes" a corporate parent, and the answer names elected members: no way to become a councillor.
      expect(service.answer('how do i become a councillor').kind).toBe('unknown');
      expect(service.answer('how do i become a foster carer').kind).toBe('unknown');
      expect(service.answer('how do i complain about childrens services').kind).toBe('unknown');
      // Reporting a child at risk is the safeguarding team's: no document here says how.
      expect(service.answer('how do i report a child at risk').kind).toBe('unknown');
    });

    it('tells a numbered section or level from another: section 23 and level 2 are in no document', () => {
      expect(answered('what does section 22 of the children act say').entry.id).toBe('legal-children-act-s22');
      expect(service.answer('what does section 23 of the children act say').kind).toBe('unknown');
      expect(answered('what is level 3 corporate parenting').entry.id).toBe('tor-level-3');
      expect(service.answer('what is level 2 corporate parenting').kind).toBe('unknown');
    });

    it("prefers the entry that keeps the question's neighbouring words together", () => {
      // "report" is in both; only accountability says "the panel report to" (not the reports it considers).
      expect(answered('who does our panel report to').entry.id).toBe('tor-accountability');
      // "lead" and "member" are in both; only the Lead Member's entry says "lead member for children".
      expect(answered('what does the lead member for children do').entry.id).toBe('cp-lead-member-dcs');
    });

    it('tolerates typos in longer words', () => {
      expect(answered('who is the panel accountible to').entry.id).toBe('tor-accountability');
      expect(answered('what are challange cards').entry.id).toBe('cc-what-are');
    });
  });

  describe('declining', () => {
    it('declines "how long is a meeting" rather than give the length of something else', () => {
      expect(service.answer('how long is a panel meeting').kind).toBe('unknown');
    });

    it.each(['thank you so much, that was really helpful', 'Thanks, that’s really useful!', 'brilliant, very helpful thanks'])(
      'declines a remark on an answer as off topic: %s',
      (remark) => {
        expect(service.answer(remark)).toEqual({ kind: 'unknown', reason: 'off_topic' });
      },
    );

    it.each(['', '   ', '\n\t', '?', '...'])('treats %j as empty', (question) => {
      expect(service.answer(question)).toEqual({ kind: 'unknown', reason: 'empty' });
    });

    it.each([
      "what's the weather tomorrow",
      'asdfgh',
      'hello',
      'what is 2+2',
      'who else is on it?',
      // Small talk: one everyday word no entry is about.
      'any news?',
      'Hi, that is wrong. Thanks',
      'show me everything',
      'is it true',
      // Trying the bot out.
      'test',
      'just testing 123',
      'This is a test message.',
    ])('declines %j as off topic', (question) => {
      expect(service.answer(question)).toEqual({ kind: 'unknown', reason: 'off_topic' });
    });

    it('answers a question about the "my child" test, which is not a message trying the bot out', () => {
      expect(answered('the my child test - what is that?').entry.id).toBe('cp-good-enough-test');
    });

    it('declines a question that only half matches rather than guessing', () => {
      expect(service.answer('what is the best restaurant in canterbury').kind).toBe('unknown');
      expect(service.answer('write me a poem about children').kind).toBe('unknown');
    });

    it('does not throw on a very long input (10 KB)', () => {
      const long = 'what are the four priority areas and '.repeat(300).slice(0, 10_240);
      expect(long.length).toBe(10_240);
      expect(() => service.answer(long)).not.toThrow();
      expect(() => service.answer('x'.repeat(10_240))).not.toThrow();
      expect(() => service.answer('\u{1F600}'.repeat(5_000))).not.toThrow();
    });
  });

  describe('answers', () => {
    it('gives the source and 2-3 related entries, resolved', () => {
      const result = answered('who is the panel accountable to?');
      expect(result.entry.id).toBe('tor-accountability');
      expect(result.entry.source).toEqual({ document: 'Terms of reference (April 2016)', section: 'Accountability' });
      expect(result.related.length).toBeGreaterThanOrEqual(2);
      expect(result.related.length).toBeLessThanOrEqual(3);
      expect(result.related.map((e) => e.id)).toEqual(result.entry.related);
    });

    it('reads children "housed by the council" as provided with accommodation: looked after', () => {
      expect(['legal-children-act-s22', 'cp-what-is-corporate-parent', 'glossary-lac']).toContain(
        answered('are we corporate parents to children housed by kcc').entry.id,
      );
    });

    it('answers which law puts the duty on the council with the Children Act', () => {
      expect(answered('which law puts the duty on the council').entry.id).toBe('legal-children-act-s22');
      // The list of the laws the documents cite answers it too, the Children Act 1989 first.
      const law = answered('what law places duties on councils for children in care');
      expect(['legal-children-act-s22', 'legal-legislation']).toContain(law.entry.id);
      expect(law.entry.answer).toMatch(/Children Act 1989/);
    });

    it('answers a question about a recommendation by its subject with the recommendation, not a topic on the subject', () => {
      expect(answered('which recommendation was about merging the two corporate parenting groups').entry.id).toBe('sc-rec-05');
      expect(answered('what did the select committee recommend about merging the groups').entry.id).toBe('sc-rec-05');
      // Counting them all is for the findings.
      expect(answered('how many recommendations did the select committee make').entry.id).toBe('sc-key-findings');
    });

    it("answers the first of two questions in one message and offers the other's answer beside it", () => {
      const result = answered('Who chairs the panel and where does it meet?');
      expect(result.entry.id).toBe('tor-chairman');
      expect(result.alsoAsked?.id).toBe('meeting-venue');
      expect(answered('who chairs the panel').alsoAsked).toBeUndefined();
    });

    it('answers two unrelated questions in one message when each is answered with confidence on its own', () => {
      const result = answered('how many foster carers did kent have, and where is the panel held?');
      expect(result.entry.id).toBe('sc-key-facts');
      expect(result.alsoAsked?.id).toBe('meeting-venue');
      expect(result.unsure).toBeFalsy();
    });

    it('answers each part of a two-question message whose whole only just won, when each part is answered with confidence by another entry', () => {
      // As a whole, the two acts read as a question about the legislation in general.
      const result = answered('what does the 1989 act say in section 22, and which principles does the 2017 act set out?');
      expect(result.entry.id).toBe('legal-children-act-s22');
      expect(result.alsoAsked?.id).toBe('legal-principles');
    });

    it('offers a part answered on its own first when a two-question message is declined as a whole', () => {
      const result = service.answer('who chairs the panel and what is the panel budget');
      expect(result.kind).toBe('unknown');
      expect(result.nearby?.[0]?.id).toBe('tor-chairman');
    });

    it('keeps confidence within [0, 1]', () => {
      for (const question of ['what are the 4 priority areas', 'rec 3', 'who sits on the panel', 'NEET']) {
        const { confidence } = answered(question);
        expect(confidence).toBeGreaterThan(0);
        expect(confidence).toBeLessThanOrEqual(1);
      }
    });

    it('answers every entry when asked its own question (related-question buttons send it)', () => {
      const wrong = knowledge
        .entries()
        .map((entry) => ({ id: entry.id, result: service.answer(entry.question) }))
        .filter(({ id, result }) => result.kind !== 'answer' || result.entry.id !== id)
        .map(({ id }) => id);
      expect(wrong).toEqual([]);
    });

    it.each([
      ['Who is the panel accountable to?', 'tor-accountability'],
      ['What are the four priority areas?', 'tor-priority-areas'],
      ['What did recommendation 6 ask for?', 'sc-rec-06'],
      ['What does UASC mean?', 'glossary-uasc'],
      ['Who do I contact about the panel?', 'contact-democratic-services'],
    ])('answers the example question shown on the welcome card: %s', (question, id) => {
      expect(answered(question).entry.id).toBe(id);
    });
  });
  describe('source passages, question shapes and questions about now', () => {
    // The passage is the answer, or is quoted beside an entry on the same subject (the key facts give
    // the children's homes' ratings, not the schools'): either way the card shows the document's words.
    const quotedPassage = (result: ReturnType<typeof answered>) => (result.entry.kind === 'passage' ? result.entry : result.passage);

    it('quotes a passage verbatim with its citation when no entry holds the fact', () => {
      const passage = quotedPassage(answered('what percentage of all kent schools were good or outstanding'));
      expect(passage?.answer).toMatch(/^The Select Committee report says: ".*82\.9% the proportion of all Kent schools/);
      expect(passage?.source).toEqual({ document: 'Select Committee report (December 2015)', section: 'Kent - Key Facts' });
    });

    it('quotes a passage that stands out where the entries covering as much of the question are close', () => {
      const passage = quotedPassage(answered('is there routine ofsted reporting on whether childrens homes meet the 2015 regulations'));
      expect(passage?.kind).toBe('passage');
      expect(passage?.answer).toMatch(/Ofsted does not report on this on a routine basis/);
    });

    it('quotes the passage when the entry written from it leaves out the figure asked for', () => {
      const result = answered('how many training events did staffordshire hold for councillors');
      expect(result.entry.kind).toBe('passage');
      expect(result.entry.answer).toContain('two innovative training events');
    });

    it('prefers the curated entry written from a passage over the quote', () => {
      expect(answered('does the panel do scrutiny?').entry.id).toBe('tor-roles-responsibilities');
    });

    it("quotes the document's own figures beside a curated answer that leaves some of them out", () => {
      const result = answered('how many disabled children in care were there in 2015');
      expect(result.entry.id).toBe('sc-key-facts');
      expect(result.passage?.kind).toBe('passage');
      expect(result.passage?.answer).toMatch(/^The Select Committee report says: ".*173 children/);
    });

    it("quotes the document's own words beside the answer when they are asked for", () => {
      const result = answered('what does the terms of reference say the three strategic outcomes give the council');
      expect(result.entry.id).toBe('tor-strategy');
      expect(result.passage?.answer).toContain('a simple and effective focus for everything the Council does');
      expect(result.passage?.source.document).toBe(result.entry.source.document);
    });

    it.each(['who chairs the panel', 'what is the panel for', 'where does the panel meet', 'what did recommendation 6 ask for'])(
      'quotes no passage beside a curated answer that says all that was asked: %s',
      (question) => {
        expect(answered(question).passage).toBeUndefined();
      },
    );

    it('answers "what does X stand for" from the glossary, and declines an acronym it does not hold', () => {
      expect(answered('what does IRO stand for in social care').entry.id).toBe('glossary-iro');
      expect(service.answer('what does CSE stand for')).toEqual({ kind: 'unknown', reason: 'unknown_acronym' });
    });

    it('declines questions about how things are now: the documents are dated', () => {
      expect(service.answer('how many children are in care right now')).toMatchObject({ kind: 'unknown', reason: 'about_now' });
      // What the documents said then is offered, never given as the answer.
      const chairman = service.answer('who is the current chairman of the panel');
      expect(chairman).toMatchObject({ kind: 'unknown', reason: 'about_now' });
      expect(chairman.kind === 'unknown' && chairman.nearby?.[0]?.id).toBe('tor-chairman');
    });

    it('declines a question about a year later than any the documents speak of, and answers one they cover', () => {
      expect(service.answer('how many children were in care in kent in 2024')).toEqual({ kind: 'unknown', reason: 'about_now' });
      expect(answered('what is the 2018-2022 strategy').entry.id).toBe('tor-strategy');
    });

    it('declines a question about a month no answer names, and answers one about a month they do', () => {
      expect(service.answer('what are the minutes of the june 2017 meeting').kind).toBe('unknown');
      expect(answered('what did the panel hear about adoption at the march 2017 meeting').entry.id).toBe('min-adoption-service');
    });

    it('declines what a meeting discussed when no minutes of that month are held, however its date is mentioned', () => {
      // The documents mention a meeting on 20 January 2017, but hold only the March 2017 minutes.
      expect(service.answer('what was discussed at the 20 january 2017 panel meeting').kind).toBe('unknown');
      expect(answered('what did the panel hear about adoption at the march 2017 meeting').entry.source.document).toBe(
        'Minutes, 20 March 2017',
      );
      // The January minutes were agreed at the March meeting: its record says so.
      expect(answered('were the minutes from the january 2017 meeting agreed?').entry.answer).toContain('20 January 2017');
    });

    it('declines "what is X" when the answer only lists X, even naming it with fewer words ("staying put")', () => {
      expect(service.answer('what is the staying put policy').kind).toBe('unknown');
    });

    it('declines "what is X called" for a post no answer names, typed right or with a typo', () => {
      expect(service.answer('what is the virtual school head called').kind).toBe('unknown');
      expect(service.answer('what is the virtual scool head called').kind).toBe('unknown');
    });

    it('declines "who is" when the best answer names nobody', () => {
      expect(service.answer('who is the leader of the council').kind).toBe('unknown');
      expect(answered('who chaired the select committee').entry.id).toBe('sc-members');
    });

    it("corrects a typo in a key word against the documents' words", () => {
      expect(answered('what are the panels responsibilites').entry.id).toBe('tor-roles-responsibilities');
    });

    it('answers the acronym asked about before "mean", whatever the question goes on to say', () => {
      expect(answered('what does UASC mean - is that the same as refugee children').entry.id).toBe('glossary-uasc');
      expect(answered('sorry, whats a NEET').entry.id).toBe('glossary-neet');
      expect(answered("what's the full name of ofsted").entry.id).toBe('glossary-ofsted');
      expect(service.answer('cse full name?')).toEqual({ kind: 'unknown', reason: 'unknown_acronym' });
    });

    it('answers "how many X" only with a figure of X, found through its synonyms too', () => {
      expect(answered('how many councillors sat on the select committee').entry.id).toBe('sc-members');
      expect(answered('how many foster carers were registered in kent in 2015').entry.id).toBe('sc-key-facts');
      // The documents list who sits on the panel, never how many.
      expect(service.answer('how many members does the panel have')).toEqual({ kind: 'unknown', reason: 'low_confidence' });
    });

    it('reads a question again once its typos are corrected: the recommendation number, what it asks to have explained', () => {
      expect(answered('what did recomendaton 7 say').entry.id).toBe('sc-rec-07');
      expect(answered('what was the select comittee').entry.id).toBe('sc-overview');
      expect(answered('how many counncillors sat on the select committee').entry.id).toBe('sc-members');
      // A typo of a small word is corrected to it, and then counts for nothing.
      expect(answered('waht is the panel for').entry.id).toBe('tor-purpose');
      expect(answered('what queston should every corporate parent ask').entry.id).toBe('cp-good-enough-test');
    });

    it('does not take a figure of children for a count of a particular kind of child', () => {
      // The minutes say UASC numbers stayed below the 2015 peak, and that a couple fostered 55 children.
      expect(service.answer('how many uascs came into kent at the peak in 2015').kind).toBe('unknown');
      expect(answered('how many children were in care in kent in 2015').entry.id).toBe('sc-key-facts');
    });

    it('finds the one entry counting what is asked even among many entries that only name it', () => {
      // Fifteen entries are each about one recommendation; one says how many there were.
      expect(answered("how many recommendations were in the select committee's report").entry.answer).toMatch(/15 recommendations/);
      expect(answered('how many recs did the select committee come up with').entry.answer).toMatch(/15 recommendations/);
    });

    it('finds a quoted phrase by its own word when the stem is in every answer ("cared" where "care" is everywhere)', () => {
      expect(answered('should our children feel cared about as well as cared for').entry.id).toBe('cp-good-enough-test');
    });

    it('answers "are these two names the same thing" from the glossary entry holding both, and only then', () => {
      expect(answered('LAC or CLA - is it the same thing?').entry.id).toBe('glossary-lac');
      expect(answered('whats the difference between cla and children looked after').entry.id).toBe('glossary-lac');
      // Two acronyms of two entries: neither entry says whether they are the same.
      const two = service.answer('is NEET the same as UASC');
      expect(two.kind === 'answer' && two.entry.kind === 'glossary').toBe(false);
    });

    it('answers "what is" an acronym\'s meaning from the glossary, not from a topic that uses the words', () => {
      expect(answered("what's an unaccompanied asylum seeking child").entry.id).toBe('glossary-uasc');
    });

    it('answers a question about a year only with an answer that speaks of that year', () => {
      expect(answered('how many foster carers did kent have in 2015').entry.id).toBe('sc-key-facts');
      expect(service.answer('how many foster carers did kent have in 2013')).toEqual({ kind: 'unknown', reason: 'low_confidence' });
      expect(service.answer('what did the 2012 ofsted inspection say about kent')).toEqual({ kind: 'unknown', reason: 'low_confidence' });
    });

    it('reads "using" and "uses" as "use": small words, not what the question is about', () => {
      expect(answered('how long has kent been using challenge cards').entry.id).toBe(
        answered('how long has kent used challenge cards').entry.id,
      );
    });

    it('offers the entries that came close when it declines for want of confidence, never as the answer', () => {
      const result = service.answer('what did they say about foster carer recruitment');
      if (result.kind !== 'unknown') throw new Error(`answered with ${result.entry.id}`);
      expect(result.reason).toBe('low_confidence');
      expect(result.nearby?.map((e) => e.id)).toContain('sc-rec-10');
      expect(result.nearby?.length).toBeLessThanOrEqual(3);
      // Passages are quoted only when confident; the contact is on every "I don't know" card anyway.
      expect(result.nearby?.every((e) => e.kind !== 'passage' && e.id !== 'contact-democratic-services')).toBe(true);
    });

    it('answers from the entry that holds what was asked when the best match by words does not, as "not sure"', () => {
      // Each recommendation's entry says "recommendation" louder; only the findings count them ("It made 15").
      const result = answered('how many recommendations were there');
      expect(result.entry.id).toBe('sc-key-findings');
      expect(result.unsure).toBe(true);
      // Not for a question it covers only in part: "how many witnesses" is in no entry.
      expect(service.answer('how many witnesses gave evidence to the select committee').kind).toBe('unknown');
    });

    it('gives an answer that only just won as "not sure", with the runners-up beside it', () => {
      // Jobs for care leavers: Recommendation 12 (not in work or training) or 13 (apprenticeships).
      const result = answered('does the council employ care leavers');
      expect(result.unsure).toBe(true);
      const shown = [result.entry.id, ...(result.nearby ?? []).map((e) => e.id)];
      expect(shown).toEqual(expect.arrayContaining(['sc-rec-12', 'sc-rec-13']));
      expect(new Set(shown).size).toBe(shown.length);
      expect(result.nearby?.length).toBeLessThanOrEqual(2);
      const clear = answered('who is the panel accountable to?');
      expect(clear).not.toHaveProperty('unsure');
      expect(clear).not.toHaveProperty('nearby');
    });

    it('gives an answer as "not sure" when the entries\' phrasings are sure members asking so mean another, offered first', () => {
      // The words are all in "how can corporate parenting be strengthened" (decisions, looked after
      // children), but members asking for "the one question to ask ourselves" mean the good-enough test.
      const result = answered('which question should we ask ourselves when making decisions for children in care');
      expect(result.entry.id).toBe('cp-strengthening');
      expect(result.unsure).toBe(true);
      expect(result.nearby?.[0]?.id).toBe('cp-good-enough-test');
      expect(result.nearby?.length).toBeLessThanOrEqual(2);
    });

    it('finds the other entries that came close once a member says an answer did not help', () => {
      expect(service.runnersUp('what is a NEET', 'glossary-neet').map((e) => e.id)).toContain('sc-rec-12');
      expect(service.runnersUp('what is a NEET', 'glossary-neet').map((e) => e.id)).not.toContain('glossary-neet');
      expect(service.runnersUp("what's the weather in maidstone tomorrow", 'tor-purpose')).toEqual([]);
    });

    it('offers nothing when the question is not about the panel, nor an answer of another kind than asked', () => {
      const weather = service.answer("what's the weather in maidstone tomorrow");
      expect(weather.kind).toBe('unknown');
      expect(weather).not.toHaveProperty('nearby');
      // "How many" is not answered by an entry with no figure, so none is offered either.
      const count = service.answer('how many members does the panel have');
      expect(count.kind === 'unknown' && (count.nearby ?? []).every((e) => /\d/.test(e.answer))).toBe(true);
    });

    it('reads "adoptions since april 2016 - how many" as a count of adoptions, not of the words after "how many"', () => {
      expect(answered('adoptions since april 2016 - how many and was it above target?').entry.id).toBe('min-adoption-service');
    });

    it('declines what is said to the bot itself, and still answers "you" meaning the panel', () => {
      for (const said of ['what is your name', 'how old are you?', 'i love you', "how's your day going?"])
        expect(service.answer(said)).toEqual({ kind: 'unknown', reason: 'off_topic' });
      expect(answered('where do you meet?').entry.id).toBe('meeting-venue');
      expect(answered('can you tell me who chairs the panel').entry.id).toBe('tor-chairman');
    });

    it('declines jobs for an assistant, and money questions no answer speaks of', () => {
      expect(service.answer('please proofread my speech for the panel')).toEqual({ kind: 'unknown', reason: 'off_topic' });
      expect(service.answer('how much money does the panel spend on challenge cards').kind).toBe('unknown');
    });

    it('reads phrases whose small words carry the meaning: "answer to", "takes the minutes", "held up as"', () => {
      expect(answered('who does the cpp answer to').entry.id).toBe('tor-accountability');
      expect(answered('who takes minutes at the panel').entry.id).toBe('tor-admin-support');
      expect(answered('which council did the review hold up as an example').entry.id).toBe('sc-best-practice');
    });

    it('answers "what was X" with the entry written to say what X was, not one that mentions it', () => {
      expect(answered('what was the select committee all about').entry.id).toBe('sc-overview');
    });

    it('declines a question on the workings or contents of something an answer only mentions in passing', () => {
      expect(service.answer('how does the national dispersal programme work').kind).toBe('unknown');
      expect(service.answer('what does the care leavers charter include').kind).toBe('unknown');
      expect(service.answer('how does the foster carer awards scheme work').kind).toBe('unknown');
      expect(answered('how do challenge cards work').entry.id).toBe('cc-what-are');
      // An entry on the panel's duties lists the Pledge and has it as a keyword: it does not say what the Pledge promises.
      expect(service.answer("what promises are in kent's pledge to children in care").kind).toBe('unknown');
      expect(service.answer('wot does the pledge to children in care actually promise').kind).toBe('unknown');
      // One whose own question is about the thing does.
      expect(answered('what did the 2017 challenge cards report to the panel cover?').entry.id).toBe('cc-reporting');
      // So does one whose own question names what the thing holds: "What are the corporate parenting principles?"
      expect(answered('what are the principles in the children and social work act').entry.id).toBe('legal-principles');
      expect(answered('list the principles of the cswa').entry.id).toBe('legal-principles');
      // A question on a thing's workings or ages is answered by an entry about it, as before.
      expect(answered('what age is the super council for').entry.id).toBe('cc-children-in-care-councils');
    });

    it('answers who replaced someone only with an answer that says who did', () => {
      expect(answered('who replaced bob neaves on the panel').entry.id).toBe('min-membership-changes');
      // The minutes thank Ms Whittle, who would no longer serve: they do not say who took her place.
      expect(service.answer('who replaced jenny whittle on the panel after the may 2017 election').kind).toBe('unknown');
    });

    it("does not answer a question about the panel's make-up with the Select Committee's", () => {
      expect(service.answer('how many tories are on the panel').kind).toBe('unknown');
      // The terms of reference answer it (councillors "representing all parties"), not the committee's five Conservatives...
      expect(answered('which political parties are on the panel').entry.id).toBe('tor-membership');
      expect(answered('which political parties were on the select committee').entry.id).toBe('sc-members');
      // Nor with a passage of the committee's report that never speaks of the panel.
      expect(service.answer('how are panel members appointed').kind).toBe('unknown');
    });

    it('declines who attended a meeting: no answer records attendance', () => {
      expect(service.answer('who attended the march 2017 panel meeting').kind).toBe('unknown');
      expect(service.answer('were there any apologies at the march meeting').kind).toBe('unknown');
      expect(answered('who came up with challenge cards').entry.id).toBe('cc-what-are');
    });

    it('reads "the name of the room" as asking for a name, which a named room gives', () => {
      expect(answered('what was the name of the room the panel met in at county hall').entry.id).toBe('meeting-venue');
      // A room is named by a place, not a person: the name of the chairman is still a person's.
      expect(service.answer('what is the name of the room where the pensions committee meets').kind).toBe('unknown');
    });

    it('reads past a self-introduction', () => {
      expect(answered("I'm a new councillor - what is the corporate parenting panel?").entry.id).toBe('tor-purpose');
    });
  });
});
