/**
 * The one phrase matcher (lib/lang/phrases.ts): characters (Aho–Corasick), tokens with the language's
 * tokeniser, and Japanese dictionary forms.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import enCoverage from '../../dictionaries/en/coverage.json';
import coldPhrases from '../../dictionaries/en/cold-phrases.json';
import jaCoverage from '../../dictionaries/ja/coverage.json';
import type { JaToken } from '../../lib/lang/ja/types';
import { baseFormHits, baseMatchEnd, PhraseSet, TokenPhraseIndex, type PhraseHit } from '../../lib/lang/phrases';

const spans = (hits: { start: number; end: number }[], text: string) => hits.map((h) => text.slice(h.start, h.end));

describe('PhraseSet (characters)', () => {
  it('finds every non-overlapping occurrence, leftmost first and longest at a position', () => {
    const m = new PhraseSet(['not', 'not possible', 'possible']);
    const text = 'It is not possible, not now, possible later.';
    expect(m.findAll(text)).toEqual([
      { phrase: 'not possible', start: 6, end: 18 },
      { phrase: 'not', start: 20, end: 23 },
      { phrase: 'possible', start: 29, end: 37 },
    ]);
  });
  it('matches English on word boundaries only', () => {
    const m = new PhraseSet(['ASAP', 'per']);
    expect(spans(m.findAll('Reply ASAP, as per policy; ASAPs, perhaps, super'), 'Reply ASAP, as per policy; ASAPs, perhaps, super')).toEqual(['ASAP', 'per']);
  });
  it('ignores case by default and honours ignoreCase false', () => {
    const text = 'Sorry, SORRY, sorry';
    expect(spans(new PhraseSet(['sorry']).findAll(text), text)).toEqual(['Sorry', 'SORRY', 'sorry']);
    expect(spans(new PhraseSet(['sorry'], { ignoreCase: false }).findAll(text), text)).toEqual(['sorry']);
    expect(spans(new PhraseSet(['café']).findAll('CAFÉ Café'), 'CAFÉ Café')).toEqual(['CAFÉ', 'Café']);
  });
  it('treats ’ and \' as the same apostrophe', () => {
    expect(new PhraseSet(["can't"]).findAll('We can’t do that.')).toEqual([{ phrase: 'can’t', start: 3, end: 8 }]);
    expect(new PhraseSet(['can’t']).findAll("We can't.")).toHaveLength(1);
  });
  it('matches Japanese as substrings, overlapping phrases included', () => {
    const m = new PhraseSet(['申し訳', '申し訳ございません', 'ございません']);
    const text = '大変申し訳ございません。ございません。';
    expect(spans(m.findAll(text), text)).toEqual(['申し訳ございません', 'ございません']);
  });
  it('finds a phrase reachable only through a failure link', () => {
    // "かきくけ" fails after "かきく", falls back to the "きく" state and must still report "きくこ".
    const m = new PhraseSet(['かきくけ', 'きくこ']);
    expect(spans(m.findAll('んかきくこ'), 'んかきくこ')).toEqual(['きくこ']);
    // English phrases inside a longer word are not words.
    expect(new PhraseSet(['bcx']).findAll('abcx')).toEqual([]);
  });
  it('ignores empty phrases and stays linear on a pathological pack', () => {
    expect(new PhraseSet(['', 'あ']).findAll('ああ')).toHaveLength(2);
    // 200 phrases of 200 "a"s ending in different letters, against 5,000 "a"s: a backtracking
    // alternation does ~200 × 200 steps per position; the automaton does one.
    const phrases = Array.from({ length: 200 }, (_, i) => `${'a'.repeat(199)}${String.fromCharCode(0x4e00 + i)}`);
    const m = new PhraseSet(phrases);
    const started = performance.now();
    expect(m.findAll('a'.repeat(5000))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('baseMatchEnd', () => {
  const tok = (surface: string, baseForm = surface): Pick<JaToken, 'surface' | 'baseForm'> => ({ surface, baseForm });
  it('spells the phrase with surfaces, the last word in any conjugation', () => {
    const tokens = [tok('対応'), tok('でき', 'できる'), tok('ませ', 'ます'), tok('ん')];
    expect(baseMatchEnd(tokens, 0, '対応できる')).toBe(1);
    expect(baseMatchEnd(tokens, 1, 'できる')).toBe(1);
    expect(baseMatchEnd(tokens, 0, '対応でき')).toBe(1);
    expect(baseMatchEnd(tokens, 0, '対応')).toBe(0);
    expect(baseMatchEnd(tokens, 0, '対応します')).toBe(-1);
    expect(baseMatchEnd(tokens, 2, 'ます')).toBe(2);
    expect(baseMatchEnd(tokens, 0, '対応できませんでした')).toBe(-1);
  });
});

describe('PhraseSet.test', () => {
  it('says whether findAll finds anything, on word boundaries', () => {
    const m = new PhraseSet(['per', 'お詫び']);
    for (const text of ['as per policy', 'perhaps', 'super', '心よりお詫び申し上げます', '', 'PER']) {
      expect(m.test(text), text).toBe(m.findAll(text).length > 0);
    }
    expect(new PhraseSet([]).test('anything')).toBe(false);
  });
});

/**
 * The matcher the built-in lists used before the one matcher: a longest-first alternation of escaped
 * literals with ASCII word-boundary lookarounds, case-insensitive, ' standing for ' or ’. The automaton
 * must find exactly what it found on our data's alphabet (ASCII and Japanese), so unifying the matchers
 * changed no detector's behaviour.
 */
function alternation(phrases: readonly string[]): (text: string) => PhraseHit[] {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const word = /^[A-Z0-9]/i;
  const body = [...phrases]
    .filter((p) => p.length > 0)
    .sort((a, b) => b.length - a.length)
    .map((p) => `${word.test(p) ? '(?<![A-Za-z0-9])' : ''}${escape(p).replace(/'/g, "['’]")}${word.test(p.slice(-1)) ? '(?![A-Za-z0-9])' : ''}`);
  const pattern = body.length ? new RegExp(body.join('|'), 'giu') : undefined;
  return (text) => (pattern ? [...text.matchAll(pattern)].map((m) => ({ phrase: m[0], start: m.index, end: m.index + m[0].length })) : []);
}

describe('PhraseSet against the alternation it replaced', () => {
  const lists: [string, readonly string[]][] = [
    ['en coverage apology', enCoverage.apology],
    ['en coverage problem', enCoverage.problem],
    ['en coverage owner', enCoverage.owner],
    ['en cold phrases', coldPhrases.phrases.map((p) => p.phrase)],
    ['ja coverage apology', jaCoverage.apology],
    ['ja coverage closing', jaCoverage.closing],
  ];
  it.each(lists)('finds the same hits for %s', (_name, phrases) => {
    const set = new PhraseSet(phrases);
    const oracle = alternation(phrases);
    // Texts made of the list's own phrases, cut and joined with letters, spaces, punctuation and case changes.
    const piece = fc.oneof(
      fc.constantFrom(...phrases),
      fc.constantFrom(...phrases).map((p) => p.toUpperCase()),
      fc.constantFrom(...phrases).map((p) => p.replace(/'/g, '’')),
      fc.constantFrom(...phrases).chain((p) => fc.nat(p.length).map((n) => p.slice(0, n))),
      fc.constantFrom(' ', 'a', 'Z', '9', "'", '’', '.', '、', 'は', '。', '\n'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = pieces.join('');
        expect(set.findAll(text)).toEqual(oracle(text));
        expect(set.test(text)).toBe(oracle(text).length > 0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('TokenPhraseIndex', () => {
  // A toy tokeniser: words split on spaces, keyed in lower case.
  const tokens = (text: string) => [...text.matchAll(/\S+/g)].map((m) => ({ key: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
  const index = new TokenPhraseIndex<number>(
    [
      ['thank', 1],
      ['thank you', 2],
      ['', 3],
    ],
    (phrase) => tokens(phrase).map((t) => t.key),
  );
  it('takes the longest phrase at a token, without overlaps', () => {
    const text = 'Thank you and thank them';
    expect(index.findAll(tokens(text)).map((h) => [text.slice(h.start, h.end), h.value, h.token, h.length])).toEqual([
      ['Thank you', 2, 0, 2],
      ['thank', 1, 3, 1],
    ]);
    expect(index.matchAt(tokens(text), 2)).toBeUndefined();
  });
});

describe('baseFormHits', () => {
  const tok = (surface: string, baseForm: string, start: number): Pick<JaToken, 'surface' | 'baseForm' | 'start' | 'end'> => ({ surface, baseForm, start, end: start + surface.length });
  it('finds conjugated phrases in a sentence’s tokens, the longest at a position', () => {
    // 対応 でき ませ ん
    const tokens = [tok('対応', '対応', 0), tok('でき', 'できる', 2), tok('ませ', 'ます', 4), tok('ん', 'ん', 6)];
    expect(baseFormHits(tokens, ['できる', '対応できる', 'ます'])).toEqual([
      { phrase: '対応できる', start: 0, end: 4 },
      { phrase: 'ます', start: 4, end: 6 },
    ]);
    expect(baseFormHits(tokens, ['できない'])).toEqual([]);
  });
});
