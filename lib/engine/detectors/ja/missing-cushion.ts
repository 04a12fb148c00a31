/**
 * ja/missing-cushion — a refusal (いたしかねます, お受けできません) or a request that puts effort on
 * the customer (ご記入ください, ご返送をお願いいたします, 見直してください) with no cushion word
 * (クッション言葉: 恐れ入りますが, お手数をおかけしますが, 申し訳ございませんが) in the sentence or the one
 * before. The case reading finds the refusal and the requests by grammar and role (lib/lang/ja/case.ts):
 * offers and invitations (お気軽にお問い合わせください, お待ちください), conditions (ご不明な点がございま
 * したら…), requests asked as questions (〜いただけますでしょうか), formulas (よろしくお願いいたします) and
 * own-benefit instructions in お/ご form (新しい端末でご登録ください) are not requests of effort; a refusal
 * followed in its sentence by what we will do instead (〜いたしかねますが、〜させていただきます) is softened.
 * The fix puts the fitting cushion at the start of the sentence.
 *
 * Severity follows how the request is made: a bare て-form (送ってください) or an imperative reads as an
 * order and is a warning; a request already in honorific form (ご返送ください, お知らせください, 〜をお願い
 * いたします) carries its own deference, so a missing cushion there is a tip. Refusals stay warnings.
 */
import data from '../../../../dictionaries/ja/cushion.json';
import { asksAcceptance, hasCushion, softenedAfter } from '../../../lang/ja/case';
import type { CaseSpan } from '../../case/types';
import { defineDetector, type RawFinding } from '../../detector';
import { NO_OPTIONS } from '../../options';
import { jaSentences, type JaSentenceEntry } from '../../document';
import { PhraseSet } from '../../../lang/phrases';

const acceptance = new PhraseSet(data.insert.acceptance.when);

/** Where the cushion goes: the sentence start, after a leading なお、/ また、. */
function insertionPoint(s: JaSentenceEntry): number {
  for (const lead of data.leadingConnectives) if (s.text.startsWith(lead)) return s.start + lead.length;
  return s.start;
}

/** A list item with a label before a colon: 「・29日前以降：」「2. 開封後：」. */
const TERMS_LINE = /^\s*(?:[・•●■\-*＊]|\d{1,2}[.．)）])[^：:\n]{1,40}[：:]/u;

/** Nouns that make a negated ability a rule of how things work (できない仕組み, 変更できない規定). */
const RULE_NOUNS = new Set(['仕組み', '仕様', '規定', '決まり', 'ルール', 'システム', '規約']);

/**
 * A request made with the bare て-form (送ってください, 確認してください) or an imperative: an instruction
 * that reads as an order without a cushion. A request already in honorific form (ご返送ください, お知らせ
 * ください, 同封をお願いいたします) carries its own deference: a cushion would be kinder, but its absence is
 * no rudeness a lead would stop the reply for, so it is only a tip.
 */
function bareRequest(s: JaSentenceEntry, span: CaseSpan): boolean {
  const from = span.start - s.start;
  const to = span.end - s.start;
  const tokens = s.ja.tokens.filter((t) => t.start >= from && t.end <= to);
  return tokens.some(
    (t, k) =>
      (t.baseForm === 'くださる' || t.baseForm === '下さる' ? tokens[k - 1]?.surface === 'て' || tokens[k - 1]?.surface === 'で' : false) ||
      (t.pos === '動詞' && t.conjugatedForm.startsWith('命令') && t.baseForm !== 'くださる' && t.baseForm !== '下さる'),
  );
}

/** The refusal ending at `end` (sentence offset) modifies a rule noun: 変更ができない仕組みとなっております. */
function statesRule(s: JaSentenceEntry, end: number): boolean {
  const after = s.ja.tokens.find((t) => t.start >= end);
  return after !== undefined && after.pos === '名詞' && RULE_NOUNS.has(after.baseForm);
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
    holdsSend: false,
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
  detect({ doc, reading }) {
    const findings: RawFinding[] = [];
    const sentences = jaSentences(doc);
    const needs: { kind: 'refusal' | 'request'; span: CaseSpan }[] = [
      ...(reading.refusal ? [{ kind: 'refusal' as const, span: reading.refusal }] : []),
      ...reading.requests.map((span) => ({ kind: 'request' as const, span })),
    ].sort((a, b) => a.span.start - b.span.start);
    const done = new Set<number>();
    for (const n of needs) {
      const i = sentences.findIndex((s) => n.span.start >= s.start && n.span.start < s.end);
      const s = sentences[i];
      if (!s || done.has(i)) continue;
      done.add(i);
      if (hasCushion(s.ja.tokens)) continue;
      const prev = sentences[i - 1];
      if (prev && prev.paragraph >= s.paragraph - 1 && hasCushion(prev.ja.tokens)) continue;
      if (n.kind === 'refusal' && softenedAfter(s.ja.tokens, { start: n.span.start - s.start, end: n.span.end - s.start })) continue;
      // ・29日前以降：ご返金いたしかねます — a line of a terms table (a list item, a label, a colon): the
      // rule stated for reference, not this customer turned down.
      if (n.kind === 'refusal' && TERMS_LINE.test(s.text.slice(0, n.span.start - s.start))) continue;
      // 前日17時以降は変更ができない仕組みとなっております。その場合はお手数ですが、お電話にて…: a limit stated
      // as how things work, with the way forward cushioned in the next sentence.
      const next = sentences[i + 1];
      if (n.kind === 'refusal' && statesRule(s, n.span.end - s.start) && next && next.paragraph <= s.paragraph + 1 && hasCushion(next.ja.tokens)) continue;
      // 〜ご返金はいたしかねます。恐れ入りますが、ご理解くださいますようお願いいたします: the no, then the
      // cushioned plea for understanding right after it.
      if (n.kind === 'refusal' && next && next.paragraph <= s.paragraph + 2 && hasCushion(next.ja.tokens) && asksAcceptance(next.ja.tokens)) continue;
      const cushion =
        n.kind === 'refusal' ? data.insert.refusal : acceptance.test(s.text) ? data.insert.acceptance.text : data.insert.request;
      const at = insertionPoint(s);
      // 現時点でグループの同期には対応しておらず: what the product does not do yet, stated as a fact — a
      // cushion is kind but its absence is no rebuff, so only a tip.
      const spec = n.kind === 'refusal' && s.ja.tokens.some((t) => t.baseForm === '現時点');
      const polite = n.kind === 'request' && !bareRequest(s, n.span);
      findings.push({
        start: n.span.start,
        end: n.span.end,
        ...(spec || polite ? { mild: true } : {}),
        message: n.kind,
        data: { cushion: cushion.replace(/、$/, '') },
        fixes: [{ label: 'insert', data: { cushion: cushion.replace(/、$/, '') }, edits: [{ start: at, end: at, text: cushion }] }],
      });
    }
    return findings;
  },
});
