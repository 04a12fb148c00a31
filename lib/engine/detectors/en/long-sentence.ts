/**
 * en/long-sentence — sentences over 30 words (option `maxWords`) and walls of text (a paragraph over
 * 120 words in 4+ sentences, option `maxParagraphWords`) are hard to read in a support thread, doubly
 * so for a customer reading English as a second language. The fix cuts the sentence at the connector
 * nearest its middle (", and we" → ". We"; "; " → ". ") or breaks the paragraph between sentences.
 * Connectors: dictionaries/en/clarity.json.
 */
import data from '../../../../dictionaries/en/clarity.json';
import { defineDetector, type RawFinding } from '../../detector';
import { enSentences, paragraphSentences, type EnSentenceEntry } from '../../document';
import { ruleOptions, wholeNumberOption } from '../../options';
import type { Edit } from '../../types';

/** Each half of a split must be a sentence in its own right. */
const MIN_PART_WORDS = 6;
const MIN_WALL_SENTENCES = 4;

const connectors = data.connectors.map((c) => ({
  ...c,
  pattern: new RegExp(c.connector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/^,/, ',').replace(/ /g, '\\s+'), 'gi'),
}));

const wordsIn = (text: string) => (text.match(/[A-Z0-9]+(?:['’][A-Z]+)*/gi) ?? []).length;

/** The best split of a sentence: the connector nearest the middle leaving two real sentences. */
export function splitEdit(s: EnSentenceEntry): Edit | undefined {
  const total = s.en.wordCount;
  let best: { edit: Edit; balance: number } | undefined;
  for (const c of connectors) {
    for (const m of s.text.matchAll(c.pattern)) {
      const before = wordsIn(s.text.slice(0, m.index));
      const after = wordsIn(s.text.slice(m.index + m[0].length));
      if (before < MIN_PART_WORDS || after < MIN_PART_WORDS) continue;
      const nextChar = s.text[m.index + m[0].length];
      if (!nextChar || !/[A-Z]/i.test(nextChar)) continue;
      // Replace the connector and the next word's first letter, so the new sentence is capitalised
      // ("I" and proper nouns stay as they are).
      const keep = c.keep ? `${c.keep} ` : '';
      const first = keep ? nextChar : nextChar.toUpperCase();
      const edit: Edit = {
        start: s.start + m.index,
        end: s.start + m.index + m[0].length + 1,
        text: `. ${keep}${first}`,
      };
      const balance = Math.abs(before - total / 2);
      if (!best || balance < best.balance) best = { edit, balance };
    }
  }
  return best?.edit;
}

export default defineDetector({
  meta: {
    id: 'en/long-sentence',
    kind: 'clarity',
    languages: ['en'],
    markets: ['us', 'jp'],
    defaultLevel: 'info',
    fixable: true,
    holdsSend: false,
    description: {
      en: 'Sentences over 30 words and walls of text are hard to read; split them.',
      ja: '30語を超える文や改行のない長い段落は読みにくいため、分割しましょう。',
    },
    options: { maxWords: 30, maxParagraphWords: 120 },
    schema: ruleOptions({
      maxWords: wholeNumberOption(5, 200, 'Words a sentence may have before it is flagged (default 30).'),
      maxParagraphWords: wholeNumberOption(20, 2000, 'Words a paragraph may have before it is flagged as a wall of text (default 120).'),
    }),
    messages: {
      long: {
        en: 'This sentence has {words} words (over {max}); split it.',
        ja: 'この文は {words} 語あります（{max} 語超）。分割しましょう。',
      },
      wall: {
        en: 'This paragraph has {words} words in {sentences} sentences; break it up.',
        ja: 'この段落は {sentences} 文・{words} 語あります。段落を分けましょう。',
      },
      split: { en: 'Split the sentence here', ja: 'ここで文を分ける' },
      breakParagraph: { en: 'Start a new paragraph here', ja: 'ここで段落を分ける' },
      reason: {
        en: 'US customers skim support replies on their phones; short sentences and paragraphs get the answer across at a glance.',
        ja: '米国のお客様はサポートの返信をスマートフォンで流し読みします。短い文と段落なら一目で答えが伝わります。',
      },
      reasonJp: {
        en: 'Japanese customers often read English as a second language and read carefully; long sentences risk a misunderstanding of what you promise.',
        ja: '日本のお客様は英語を第二言語として丁寧に読むことが多く、長い文は約束内容の誤解につながりかねません。',
      },
    },
  },
  detect({ doc, context, options }) {
    const maxWords = typeof options.maxWords === 'number' ? options.maxWords : 30;
    const maxParagraphWords = typeof options.maxParagraphWords === 'number' ? options.maxParagraphWords : 120;
    const reason = context.market === 'jp' ? 'reasonJp' : 'reason';
    const findings: RawFinding[] = [];
    const sentences = enSentences(doc);
    for (const s of sentences) {
      if (s.en.wordCount <= maxWords) continue;
      const edit = splitEdit(s);
      findings.push({
        start: s.start,
        end: s.end,
        message: 'long',
        data: { words: s.en.wordCount, max: maxWords },
        reason,
        fixes: edit ? [{ label: 'split', edits: [edit] }] : [],
      });
    }
    for (const p of doc.paragraphs) {
      const inPara = (paragraphSentences(doc)[p.index] ?? []).filter((s): s is EnSentenceEntry => s.lang === 'en');
      const words = inPara.reduce((n, s) => n + s.en.wordCount, 0);
      if (inPara.length < MIN_WALL_SENTENCES || words <= maxParagraphWords) continue;
      // Break between the two sentences nearest the middle of the paragraph.
      let acc = 0;
      let cut = 1;
      for (let i = 0; i < inPara.length - 1; i++) {
        acc += inPara[i]!.en.wordCount;
        if (acc >= words / 2) {
          cut = i + 1;
          break;
        }
      }
      const left = inPara[cut - 1]!;
      const right = inPara[cut]!;
      findings.push({
        start: left.end,
        end: left.end,
        message: 'wall',
        data: { words, sentences: inPara.length },
        reason,
        fixes: [{ label: 'breakParagraph', edits: [{ start: left.end, end: right.start, text: '\n\n' }] }],
      });
    }
    return findings;
  },
});
