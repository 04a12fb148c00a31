import { describe, expect, it } from 'vitest';
import { analyzeEnglishSentence, splitEnglish } from '../../../lib/lang/en/analyzer';
import { PhraseIndex, tokenize } from '../../../lib/lang/en/phrase-index';

const at = (s: string, span: { start: number; end: number }) => s.slice(span.start, span.end);

describe('English sentence analysis', () => {
  it('finds contractions with what they stand for, curly apostrophes included', () => {
    const s = 'I can’t log in, we’ll fix it and it\'s gonna work.';
    const a = analyzeEnglishSentence(s);
    expect(a.contractions.map((c) => [c.text, c.expanded])).toEqual([
      ['can’t', 'can not'],
      ['we’ll', 'we will'],
      ["it's", 'it is'],
      ['gonna', 'going to'],
    ]);
    for (const c of a.contractions) expect(at(s, c)).toBe(c.text);
    expect(analyzeEnglishSentence('Refunds take 5–7 days.').contractions).toEqual([]);
  });

  it('finds negations, pointing hidden "not" at the written word', () => {
    const s = "We didn't get it and there is no record, never mind.";
    expect(analyzeEnglishSentence(s).negations.map((n) => at(s, n))).toEqual(["didn't", 'no', 'never']);
  });

  it.each([
    ['Mistakes were made.', ['were made'], [false]],
    ['Your order has been cancelled by our system.', ['has been cancelled'], [true]],
    ['The refund was processed by Friday.', ['was processed'], [false]],
    ['I was told it had been shipped.', ['was told', 'had been shipped'], [false, false]],
    ['We cancelled the order.', [], []],
    ['Your card was mistakenly charged.', ['was mistakenly charged'], [false]],
    ["It's been fixed.", ['been fixed'], [false]],
    ['The order was lost.', ['was lost'], [false]],
    ['We were charged.', ['were charged'], [false]],
    ['I was happy to help.', [], []],
  ])('finds passive verb groups in “%s”', (s, groups, agents) => {
    const a = analyzeEnglishSentence(s);
    expect(a.passives.map((p) => at(s, p))).toEqual(groups);
    expect(a.passives.map((p) => p.hasAgent)).toEqual(agents);
  });

  it('spells out a fused auxiliary: "It\'s been fixed" is has + been', () => {
    const [p] = analyzeEnglishSentence("It's been fixed.").passives;
    expect(p?.auxiliaryWords).toEqual(['has', 'been']);
    expect(p?.contracted).toBe(true);
  });

  it.each([
    ['Send it now.', true],
    ['Please send me the receipt.', true],
    ['Just restart the app.', true],
    ["Don't worry about it.", true],
    ['Could you send it?', false],
    ['Hope this helps.', false],
    ['Thanks for reaching out!', false],
    ['I sent it.', false],
    ['Welcome aboard!', false],
  ])('tells commands: “%s” → %s', (s, imperative) => {
    expect(analyzeEnglishSentence(s).imperative).toBe(imperative);
  });

  it.each([
    ['We will ship it tomorrow.', 'future'],
    ["We'll ship it tomorrow.", 'future'],
    ['We shipped it yesterday.', 'past'],
    ['It ships today.', 'present'],
  ] as const)('reads the tense of “%s”', (s, tense) => {
    expect(analyzeEnglishSentence(s).tense).toBe(tense);
  });

  it('counts words as a reader does and knows questions', () => {
    const a = analyzeEnglishSentence("Hi Jane — we've refunded $10.50 to your card, okay?");
    expect(a.wordCount).toBe(9);
    expect(a.isQuestion).toBe(true);
    expect(a.firstWord).toEqual({ start: 0, end: 2 });
    expect(analyzeEnglishSentence('It shipped.').isQuestion).toBe(false);
  });
});

describe('PhraseIndex', () => {
  const index = new PhraseIndex<string>([
    ['thank', 'a'],
    ['thank you', 'b'],
    ['right?', 'c'],
    [':-)', 'd'],
  ]);
  it('matches the longest phrase on token boundaries, case-insensitively', () => {
    const text = 'Thank you :-) — thankful, RIGHT? right';
    expect(index.findAll(tokenize(text)).map((h) => [h.value, text.slice(h.start, h.end)])).toEqual([
      ['b', 'Thank you'],
      ['d', ':-)'],
      ['c', 'RIGHT?'],
    ]);
  });
});

describe('splitEnglish on a long paragraph', () => {
  it('hands compromise pieces of it, so a wall of abbreviations stays fast and the spans stay exact', () => {
    // compromise joins across every "Mr." and re-tests the growing sentence: one 20,000-character
    // sentence took seconds to find. Pieces end at white space after about 1,000 characters.
    const paragraph = 'Dear Mr. Tanaka, '.repeat(1_200).trimEnd();
    const spans = splitEnglish(paragraph);
    expect(spans.length).toBeGreaterThan(5);
    let at = 0;
    for (const s of spans) {
      expect(s.start).toBeGreaterThanOrEqual(at);
      expect(s.end - s.start).toBeLessThanOrEqual(2_000);
      expect(paragraph.slice(at, s.start).trim()).toBe('');
      at = s.end;
    }
    expect(at).toBe(paragraph.length);
  });

  it('cuts after a sentence end when there is one, and keeps short paragraphs whole', () => {
    const sentence = 'We are sorry for the delay with your order. ';
    const paragraph = sentence.repeat(100).trimEnd();
    const spans = splitEnglish(paragraph);
    expect(spans.map((s) => paragraph.slice(s.start, s.end))).toEqual(Array(100).fill(sentence.trim()));
    expect(splitEnglish('Hi Jane. Your refund is done.')).toEqual([
      { start: 0, end: 8 },
      { start: 9, end: 29 },
    ]);
  });
});

describe('splitEnglish after a quoted sentence end', () => {
  it('cuts \'… for "credit freeze." The representative …\' in two (h32en-08), and leaves a quote inside a sentence alone', () => {
    const text = 'Call us any day from 8 a.m. to 8 p.m. Eastern, and press 2 for "credit freeze." The representative will ask for your name.';
    expect(splitEnglish(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'Call us any day from 8 a.m. to 8 p.m. Eastern, and press 2 for "credit freeze."',
      'The representative will ask for your name.',
    ]);
    const inside = 'Choose "Freeze my credit." from the menu, then confirm.';
    expect(splitEnglish(inside).map((s) => inside.slice(s.start, s.end))).toEqual([inside]);
  });
});
