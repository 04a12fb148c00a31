import { describe, expect, it } from 'vitest';
import { Engine } from '../../../lib/engine/engine';
import { createEnAnalyzer } from '../../../lib/lang/en/analyzer';
import { enSentences } from '../../../lib/engine/document';
import { matchCase, parseName, readClosing, readOpening, replacePhrase } from '../../../lib/engine/reply/en';
import { builtinSourced } from '../../../lib/policy/builtin';
import { resolvePolicy } from '../../../lib/policy/resolve';

const engine = new Engine({ policy: resolvePolicy(builtinSourced()), en: createEnAnalyzer() });
const doc = (text: string) => engine.analyzeText(text, { lang: 'en' });

describe('parseName', () => {
  it.each([
    ['Jane Doe', { given: 'Jane', family: 'Doe' }],
    ['Tanaka, Hiroshi', { given: 'Hiroshi', family: 'Tanaka' }],
    ['TANAKA Hiroshi', { given: 'Hiroshi', family: 'Tanaka' }],
    ['Hiroshi TANAKA', { given: 'Hiroshi', family: 'Tanaka' }],
    ['Mr. John Smith', { title: 'Mr.', given: 'John', family: 'Smith' }],
    ['Ms Sato', { title: 'Ms.', family: 'Sato' }],
    ['Jane', { given: 'Jane' }],
    ['Tanaka-san', { family: 'Tanaka' }],
    ['田中 様', {}],
    [undefined, {}],
  ])('%s', (raw, parts) => {
    expect(parseName(raw)).toEqual(parts);
  });
});

describe('reply structure', () => {
  it('reads the opening: greeting, name and opening thanks', () => {
    const text = 'Hi Jane, thanks for reaching out!\nYour refund is done.';
    const o = readOpening(doc(text));
    expect(o.greeting?.word.text).toBe('Hi');
    expect(o.greeting?.name?.text).toBe('Jane');
    expect(o.thanks?.text).toBe('thanks for reaching out');
    expect(o.body?.text).toBe('Your refund is done.');
  });

  it('reads a title with its dot as part of the name, and a stand-in as no name', () => {
    expect(readOpening(doc('Dear Mr. Tanaka,\nThe refund is done.')).greeting?.name?.text).toBe('Mr. Tanaka');
    const standIn = readOpening(doc('Hello there,\nThe refund is done.')).greeting;
    expect(standIn?.standIn?.text).toBe('there');
    expect(standIn?.name).toBeUndefined();
  });

  it('reads the closing over signature lines, and tells casual from formal', () => {
    const formal = readClosing(doc('The refund is done.\n\nBest regards,\nSam Lee\nAcme Support'));
    expect(formal?.phrase.text).toBe('Best regards');
    expect(formal?.formal).toBe(true);
    expect(formal?.lastBody?.text).toBe('The refund is done.');
    const casual = readClosing(doc('The refund is done.\nCheers,\nSam'));
    expect(casual?.formal).toBe(false);
    expect(casual?.formalReplacement).toBe('Best regards');
    expect(readClosing(doc('The refund is done.\nLet me know if anything else comes up.'))).toBeUndefined();
  });

  it.each([
    ['Warmly,', 'Warmly'],
    ['All best,', 'All best'],
    ['Thanks again,', 'Thanks again'],
    ['Kind regards,', 'Kind regards'],
    ['With gratitude,', 'With gratitude'],
    ['Onward,', 'Onward'],
  ])('reads the usual sign-offs, and an unlisted one by its shape: %s', (signOff, phrase) => {
    const closing = readClosing(doc(`Hi Jake,\n\nWe are looking into it.\n\n${signOff}\nAlex Kim\nSenior Support Engineer`));
    expect(closing?.phrase.text).toBe(phrase);
    expect(closing?.lastBody?.text).toBe('We are looking into it.');
  });

  it('does not take a name line for a sign-off', () => {
    expect(readClosing(doc('We are looking into it.\nAlex,'))).toBeUndefined();
  });
});

describe('matchCase', () => {
  it.each([
    ["Can't", 'cannot', 'Cannot'],
    ["can't", 'cannot', 'cannot'],
    ['ASAP', 'as soon as possible', 'as soon as possible'],
    ['sorry', 'We sincerely apologize', 'we sincerely apologize'],
    ['i just wanted to', 'I wanted to', 'I wanted to'],
  ])('%s → %s', (original, replacement, expected) => {
    expect(matchCase(original, replacement)).toBe(expected);
  });
});

describe('replacePhrase', () => {
  /** Deletes the first sentence's opening phrase of `length` characters. */
  const deleteOpening = (text: string, length: number) => {
    const d = doc(text);
    const s = enSentences(d)[0]!;
    const edit = replacePhrase(d, s, s.start, s.start + length, '');
    return { edit, output: text.slice(0, edit.start) + edit.text + text.slice(edit.end) };
  };

  it('re-capitalises the word that opens the sentence after a deletion', () => {
    expect(deleteOpening('I think maybe the update fixed it.', 13).output).toBe('The update fixed it.');
  });

  it('never cuts an emoji apart: an edit ends on a code point boundary (issue 14)', () => {
    // The edit once ended inside 😅 and replaced its first half by itself "upper-cased": a lone \ud83d.
    const { edit, output } = deleteOpening('I think maybe 😅 the update fixed it.', 13);
    expect(edit).toEqual({ start: 0, end: 14, text: '' });
    expect(output).toBe('😅 the update fixed it.');
  });

  it('capitalises a letter outside the BMP as one code point', () => {
    expect(deleteOpening('Sort of 𐐨ello.', 7).output).toBe('𐐀ello.');
  });
});
