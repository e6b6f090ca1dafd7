import { PhrasingClassifier } from '../../../src/features/remit/domain/phrasing-classifier';

describe('the second opinion learnt from the entries’ phrasings', () => {
  const classifier = PhrasingClassifier.train([
    { id: 'tor-chairman', terms: ['chair', 'panel'] },
    { id: 'tor-chairman', terms: ['chair', 'elect', 'councillor'] },
    { id: 'meeting-venue', terms: ['venu', 'meet', 'panel'] },
    { id: 'meeting-venue', terms: ['room', 'meet', 'counti', 'hall'] },
  ]);

  it('names the entry whose phrasings use the question’s words', () => {
    expect(classifier.likeliest(['room', 'hall'])?.id).toBe('meeting-venue');
    expect(classifier.likeliest(['chair', 'councillor'])?.id).toBe('tor-chairman');
  });

  it('is less sure when the words are shared by both entries’ phrasings', () => {
    const shared = classifier.likeliest(['panel'])!;
    const distinct = classifier.likeliest(['room', 'hall', 'meet'])!;
    expect(shared.probability).toBeLessThan(0.7);
    expect(distinct.probability).toBeGreaterThan(0.95);
    expect(distinct.probability).toBeLessThanOrEqual(1);
  });

  it('gives no opinion on words no phrasing uses, and counts a repeated word once', () => {
    expect(classifier.likeliest(['pizza', 'weather'])).toBeUndefined();
    expect(classifier.likeliest([])).toBeUndefined();
    expect(classifier.likeliest(['room', 'room', 'pizza'])).toEqual(classifier.likeliest(['room']));
  });

  it('has no opinion when it learnt nothing', () => {
    expect(PhrasingClassifier.train([]).likeliest(['room'])).toBeUndefined();
  });
});
