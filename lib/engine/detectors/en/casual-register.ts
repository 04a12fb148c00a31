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
 * Each word has its plain wording as a one-click fix; emoji are removed. Words: dictionaries/en/us-register.json.
 */
import data from '../../../../dictionaries/en/us-register.json';
import { defineDetector, type RawFinding } from '../../detector';
import { enSentences, type EnSentenceEntry } from '../../document';
import { PhraseIndex, tokenize } from '../../../lang/en/phrase-index';
import { replacePhrase } from '../../reply/en';
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

/** "U.S." and "U-turn" are not "u". */
function isAbbreviation(text: string, start: number, end: number): boolean {
  return /^[.\-'’][A-Z]/i.test(text.slice(end, end + 2)) || /[A-Z][.\-]$/i.test(text.slice(Math.max(0, start - 2), start));
}

/** How a slip of each kind speaks: at the rule's level, mild (info), or not at all. */
type Weight = 'full' | 'mild' | 'none';
interface Weights {
  chat: Weight;
  mild: Weight;
  symbols: Weight;
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

    for (const s of enSentences(doc)) {
      const tokens = tokenize(s.text);
      for (const hit of words.findAll(tokens)) {
        if (isAbbreviation(s.text, hit.start, hit.end)) continue;
        word(s, s.start + hit.start, s.start + hit.end, hit.value.formal, weights[hit.value.tier]);
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
