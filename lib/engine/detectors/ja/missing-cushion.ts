/**
 * ja/missing-cushion — a refusal (いたしかねます, お受けできません) or a request that puts effort on
 * the customer (ご記入ください, 〜をお願いいたします) with no cushion word (クッション言葉:
 * 恐れ入りますが, お手数をおかけしますが, 申し訳ございませんが) in the sentence or the one before.
 * The fix puts the fitting cushion at the start of the sentence.
 *
 * Not flagged: offers (お気軽にお問い合わせください, ご覧ください), conditional requests
 * (ご不明な点がございましたら…), requests asked as questions (〜いただけますでしょうか) and
 * closing formulas (よろしくお願いいたします).
 */
import data from '../../../../dictionaries/ja/cushion.json';
import { defineDetector, type RawFinding } from '../../detector';
import { NO_OPTIONS } from '../../options';
import { jaSentences, type JaSentenceEntry } from '../../document';
import { PhraseSet, type PhraseHit } from '../../phrases';

const cushions = new PhraseSet(data.cushions);
const refusals = new PhraseSet(data.refusals);
const requests = new PhraseSet(data.requests);
const offers = new PhraseSet(data.offers);
const conditional = new PhraseSet(data.conditional);
const acceptance = new PhraseSet(data.insert.acceptance.when);

/** Where the cushion goes: the sentence start, after a leading なお、/ また、. */
function insertionPoint(s: JaSentenceEntry): number {
  for (const lead of data.leadingConnectives) if (s.text.startsWith(lead)) return s.start + lead.length;
  return s.start;
}

function need(s: JaSentenceEntry): { kind: 'refusal' | 'request'; hit: PhraseHit } | undefined {
  // 〜ことはできませんでしょうか is a request, not a refusal.
  const refusal = refusals.findAll(s.text).find((h) => !/^(?:でしょうか|か)/.test(s.text.slice(h.end)));
  if (refusal) return { kind: 'refusal', hit: refusal };
  if (offers.test(s.text) || conditional.test(s.text) || s.ja.ending.question) return undefined;
  const request = requests.findAll(s.text)[0];
  return request ? { kind: 'request', hit: request } : undefined;
}

export default defineDetector({
  meta: {
    id: 'ja/missing-cushion',
    kind: 'politeness',
    languages: ['ja'],
    markets: ['jp'],
    defaultLevel: 'warn',
    fixable: true,
    schema: NO_OPTIONS,
    description: {
      en: 'Soften refusals and requests with a cushion word (恐れ入りますが, お手数をおかけしますが, 申し訳ございませんが).',
      ja: 'お断りやお願いの前には、クッション言葉（恐れ入りますが、お手数をおかけしますが、申し訳ございませんが）を添えます。',
    },
    messages: {
      refusal: {
        en: 'A refusal with no cushion: open the sentence with “{cushion}”.',
        ja: 'クッション言葉のないお断りです。文頭に「{cushion}」を添えましょう。',
      },
      request: {
        en: 'A request for the customer’s effort with no cushion: open the sentence with “{cushion}”.',
        ja: 'お客様に手間をお願いする文にクッション言葉がありません。文頭に「{cushion}」を添えましょう。',
      },
      insert: { en: 'Add “{cushion}”', ja: '「{cushion}」を追加' },
      reason: {
        en: 'In Japanese a bare refusal or request sounds like an order. A cushion word acknowledges the imposition before making it, which Japanese customers expect from a company asking something of them or turning them down.',
        ja: '日本語では、クッション言葉のないお断りやお願いは命令のように響きます。先に相手の負担への配慮を示すことで、お客様に何かをお願いしたりお断りしたりする際の礼儀が伝わります。',
      },
    },
  },
  detect({ doc }) {
    const findings: RawFinding[] = [];
    const sentences = jaSentences(doc);
    sentences.forEach((s, i) => {
      const n = need(s);
      if (!n) return;
      if (cushions.test(s.text)) return;
      const prev = sentences[i - 1];
      if (prev && prev.paragraph >= s.paragraph - 1 && cushions.test(prev.text)) return;
      const cushion =
        n.kind === 'refusal' ? data.insert.refusal : acceptance.test(s.text) ? data.insert.acceptance.text : data.insert.request;
      const at = insertionPoint(s);
      findings.push({
        start: s.start + n.hit.start,
        end: s.start + n.hit.end,
        message: n.kind,
        data: { cushion: cushion.replace(/、$/, '') },
        fixes: [{ label: 'insert', data: { cushion: cushion.replace(/、$/, '') }, edits: [{ start: at, end: at, text: cushion }] }],
      });
    });
    return findings;
  },
});
