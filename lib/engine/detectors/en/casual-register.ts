/**
 * en/casual-register — US support is friendly, not sloppy: chat speak and slang ("lol", "u", "omg",
 * "gonna", "idk"), emoji and "!!" in a reply read as careless, and to an upset customer as mocking.
 * How loud a slip is follows the case reading's sense of the customer's mood (a false alarm costs more
 * than a miss):
 *
 * - an upset customer (a problem with emotion words, repeated contact, "!!"): chat speak, slang, emoji,
 *   emoticons and "!!" at the rule's level;
 * - a problem, calmly reported: chat speak at the rule's level; emoji, emoticons and "!!" mild (info);
 * - no problem (a question): chat speak at the rule's level; a cheerful thank-you thread only mild;
 *   emoji and friendly words ("awesome", "no worries") pass.
 *
 * Also the pronoun in lower case ("i'll check") and three or more words in capitals in a row (shouting),
 * weighed like chat speak.
 *
 * Each word has its plain wording as a one-click fix; emoji are removed. Words: dictionaries/en/us-register.json.
 */
import data from '../../../../dictionaries/en/us-register.json';
import { defineDetector, type RawFinding } from '../../detector';
import { enSentences, type EnSentenceEntry } from '../../document';
import { PhraseIndex, tokenize } from '../../../lang/en/phrase-index';
import { readClosing, replacePhrase } from '../../reply/en';
import { NO_OPTIONS } from '../../options';

type Tier = 'chat' | 'mild';
const words = new PhraseIndex<{ formal: string; tier: Tier }>([
  ...data.chat.map((w): [string, { formal: string; tier: Tier }] => [w.phrase, { formal: w.formal, tier: 'chat' }]),
  ...data.mild.map((w): [string, { formal: string; tier: Tier }] => [w.phrase, { formal: w.formal, tier: 'mild' }]),
]);
const emoticons = new PhraseIndex<true>(data.emoticons.map((e): [string, true] => [e, true]));
/** Emoji (pictographs, with any variation selector, skin tone or joiner sequence). */
const EMOJI = /\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic})*/gu;
/** A run of ! and ? (one linear scan); "!!", "?!" and "!?" are shouting. */
const BANGS = /[!?]{2,}/g;
const isShouting = (run: string) => run.includes('!!') || run.includes('?!') || run.includes('!?');

/** The pronoun written in lower case ("i", "i'm", "i'll") — chat style. */
const LOWER_I = new Set(['i', "i'm", "i'll", "i've", "i'd"]);
/** An all-capital word of two letters or more ("PLEASE", "DON'T"). */
const isCapsWord = (text: string) => /^[A-Z][A-Z'’]*[A-Z]$/.test(text);
/** Words in capitals in a row that read as shouting ("I ALREADY TOLD YOU"), not an acronym or two. */
const SHOUT_WORDS = 3;

/** Runs of all-capital words in a sentence: [first token, last token] index pairs. */
function capsRuns(text: string, tokens: readonly { start: number; end: number }[]): [number, number][] {
  const runs: [number, number][] = [];
  let from = -1;
  let count = 0;
  const close = (to: number) => {
    if (count >= SHOUT_WORDS) runs.push([from, to]);
    from = -1;
    count = 0;
  };
  tokens.forEach((t, i) => {
    const word = text.slice(t.start, t.end);
    if (isCapsWord(word) || (from >= 0 && (word === 'I' || word === 'A'))) {
      if (from < 0) from = i;
      count++;
    } else close(i - 1);
  });
  close(tokens.length - 1);
  return runs;
}

/** Shouted words in sentence case: "I ALREADY TOLD YOU" → "I already told you" (the pronoun I stays). */
function unshout(text: string, sentenceStart: boolean): string {
  const lower = text.toLowerCase().replace(/\bi(?=\b|['’])/g, 'I');
  return sentenceStart ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
}

/** "U.S." and "U-turn" are not "u". */
function isAbbreviation(text: string, start: number, end: number): boolean {
  return /^[.\-'’][A-Z]/i.test(text.slice(end, end + 2)) || /[A-Z][.\-]$/i.test(text.slice(Math.max(0, start - 2), start));
}

/** "Karen Wu, RN, on Dr. Feldman's team": a credential in capitals after a name and a comma, not chat speak. */
function credentialAfterName(text: string, start: number, end: number): boolean {
  const written = text.slice(start, end);
  return written === written.toUpperCase() && /\p{Lu}\p{Ll}+,\s*$/u.test(text.slice(Math.max(0, start - 30), start));
}

/** How a slip of each kind speaks: at the rule's level, mild (info), or not at all. */
type Weight = 'full' | 'mild' | 'none';
interface Weights {
  chat: Weight;
  mild: Weight;
  symbols: Weight;
}


/**
 * A capitalised word inside a run of capitalised words, not at the sentence start: part of a name
 * ("Habla Ya Language Studio", "Cafe Yo Hub"), not chat speak.
 */
function inProperName(text: string, start: number, end: number): boolean {
  if (!/^[A-Z]/.test(text.slice(start, end))) return false;
  if (text.slice(0, start).trim() === '') return false;
  const before = text.slice(Math.max(0, start - 40), start).trimEnd().split(/\s/).pop() ?? '';
  const after = text.slice(end, end + 40).trimStart().split(/\s/)[0] ?? '';
  const nameWord = (w: string) => /^[A-Z][a-z]+$/.test(w);
  return nameWord(before) || nameWord(after.replace(/[.,!?;:]$/, ''));
}

export default defineDetector({
  meta: {
    id: 'en/casual-register',
    kind: 'formality',
    languages: ['en'],
    markets: ['us'],
    defaultLevel: 'warn',
    fixable: true,
    holdsSend: true,
    schema: NO_OPTIONS,
    description: {
      en: 'Chat speak, slang, emoji and “!!” in a US support reply, weighed by the customer’s mood.',
      ja: '米国向けのサポート返信でのチャット語・スラング・絵文字・「!!」を、お客様の感情に応じて指摘します。',
    },
    messages: {
      chat: {
        en: '“{text}” is chat speak; write “{formal}”.',
        ja: '「{text}」はチャット的な表現です。「{formal}」と書きましょう。',
      },
      chatRemove: {
        en: '“{text}” is chat speak; leave it out.',
        ja: '「{text}」はチャット的な表現です。削除しましょう。',
      },
      upsetSlang: {
        en: '“{text}” sounds flippant to a customer who is upset; write “{formal}”.',
        ja: '「{text}」は怒っているお客様には軽く聞こえます。「{formal}」と書きましょう。',
      },
      upsetSlangRemove: {
        en: '“{text}” sounds flippant to a customer who is upset; leave it out.',
        ja: '「{text}」は怒っているお客様には軽く聞こえます。削除しましょう。',
      },
      emoji: {
        en: 'An emoji (“{text}”) reads as flippant when the customer has a problem.',
        ja: 'お客様が問題を抱えているときの絵文字（「{text}」）は軽率に映ります。',
      },
      shouting: {
        en: '“{text}” in capitals reads as shouting; write it in normal case.',
        ja: '「{text}」のような大文字の連続は怒鳴っているように読めます。通常の大文字・小文字で書きましょう。',
      },
      exclamation: {
        en: '“{text}” is too excited for a customer with a problem; use one mark.',
        ja: '「{text}」は問題を抱えたお客様には感情的すぎます。記号は一つにしましょう。',
      },
      replace: { en: 'Write “{formal}”', ja: '「{formal}」にする' },
      remove: { en: 'Remove “{text}”', ja: '「{text}」を削除' },
      reason: {
        en: 'US customers like a friendly tone, but chat speak and emoji from a support agent read as careless — and to someone who is upset, as not taking them seriously.',
        ja: '米国のお客様は親しみやすい語り口を好みますが、サポート担当者のチャット語や絵文字は軽率に映り、怒っているお客様には真剣に受け止めていないと受け取られます。',
      },
    },
  },
  detect({ doc, reading }) {
    const upset = reading.customer?.upset === true;
    const cheerful = reading.customer !== undefined && reading.customer.thanks && !reading.problem;
    const weights: Weights = upset
      ? { chat: 'full', mild: 'full', symbols: 'full' }
      : reading.problem
        ? { chat: 'full', mild: 'none', symbols: 'mild' }
        : { chat: cheerful ? 'mild' : 'full', mild: 'none', symbols: 'none' };

    const findings: RawFinding[] = [];
    const taken: { start: number; end: number }[] = [];
    const push = (finding: RawFinding, weight: Weight) => {
      if (weight === 'none' || taken.some((t) => finding.start < t.end && finding.end > t.start)) return;
      taken.push(finding);
      findings.push(weight === 'mild' ? { ...finding, mild: true } : finding);
    };
    const word = (s: EnSentenceEntry, start: number, end: number, formal: string, weight: Weight) => {
      const text = doc.text.slice(start, end);
      const edit = replacePhrase(doc, s, start, end, formal);
      const remove = formal === '';
      const key = upset ? (remove ? 'upsetSlangRemove' : 'upsetSlang') : remove ? 'chatRemove' : 'chat';
      push(
        {
          start,
          end,
          message: key,
          data: remove ? { text } : { text, formal: edit.text },
          fixes: [remove ? { label: 'remove', data: { text }, edits: [edit] } : { label: 'replace', data: { formal: edit.text }, edits: [edit] }],
        },
        weight,
      );
    };
    const symbol = (s: EnSentenceEntry, start: number, end: number) => {
      const text = doc.text.slice(start, end);
      push({ start, end, message: 'emoji', data: { text }, fixes: [{ label: 'remove', data: { text }, edits: [replacePhrase(doc, s, start, end, '')] }] }, weights.symbols);
    };

    // The signature under the sign-off holds names and credentials ("Diane Feldman, RN"), not chat speak.
    const closing = readClosing(doc);
    const signatureFrom = closing ? closing.sentence.end : Number.POSITIVE_INFINITY;
    for (const s of enSentences(doc)) {
      const tokens = tokenize(s.text);
      const signature = s.start >= signatureFrom;
      for (const hit of signature ? [] : words.findAll(tokens)) {
        if (isAbbreviation(s.text, hit.start, hit.end)) continue;
        if (inProperName(s.text, hit.start, hit.end)) continue;
        if (credentialAfterName(s.text, hit.start, hit.end)) continue;
        word(s, s.start + hit.start, s.start + hit.end, hit.value.formal, weights[hit.value.tier]);
      }
      for (const t of tokens) {
        const written = s.text.slice(t.start, t.end);
        if (LOWER_I.has(t.key) && written.startsWith('i') && !isAbbreviation(s.text, t.start, t.end)) {
          word(s, s.start + t.start, s.start + t.end, `I${written.slice(1)}`, weights.chat);
        }
      }
      for (const [from, to] of signature ? [] : capsRuns(s.text, tokens)) {
        const start = s.start + tokens[from]!.start;
        const end = s.start + tokens[to]!.end;
        const text = doc.text.slice(start, end);
        const atStart = s.text.slice(0, tokens[from]!.start).trim() === '';
        const fixed = unshout(text, atStart);
        push({ start, end, message: 'shouting', data: { text }, fixes: [{ label: 'replace', data: { formal: fixed }, edits: [{ start, end, text: fixed }] }] }, weights.chat);
      }
      for (const hit of emoticons.findAll(tokens)) symbol(s, s.start + hit.start, s.start + hit.end);
      for (const m of s.text.matchAll(EMOJI)) symbol(s, s.start + m.index, s.start + m.index + m[0].length);
      for (const m of s.text.matchAll(BANGS)) {
        if (!isShouting(m[0])) continue;
        const start = s.start + m.index;
        const end = start + m[0].length;
        const one = m[0].includes('?') ? '?' : '!';
        push({ start, end, message: 'exclamation', data: { text: m[0] }, fixes: [{ label: 'replace', data: { formal: one }, edits: [{ start, end, text: one }] }] }, weights.symbols);
      }
    }
    return findings.sort((a, b) => a.start - b.start);
  },
});
