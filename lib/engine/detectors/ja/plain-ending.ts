/**
 * ja/plain-ending — a sentence of a customer reply that ends in the plain form (常体: 確認した,
 * できない, 不具合だ, 送る) instead of です/ます, and である sentences mixed into a です/ます reply.
 * The fix conjugates the ending politely (確認した → 確認しました, できない → できません,
 * だ → です, 行く → 行きます, である → です); a te-form request gets ください.
 *
 * Not flagged: bullet and quoted lines (「…」, > …), where plain forms are normal, and noun endings
 * (体言止め), which are neither plain nor polite.
 */
import { politeEnding, tokenEditSpan } from '../../../lang/ja/conjugate';
import { endsInParenthetical, isAddressHeader } from '../../reply/ja';
import { defineDetector, type RawFinding } from '../../detector';
import { NO_OPTIONS } from '../../options';
import { jaSentences, type JaSentenceEntry } from '../../document';

/** Lines where plain forms are normal: bullets, numbered items, notes, e-mail quotes. */
const LIST_OR_QUOTE = /^\s*(?:[・•●○■□◆◇▪▫※＊*\-－>＞]|[0-9０１２３４５６７８９]+[.)．）]|[（(][0-9０１２３４５６７８９]+[)）])/;

function isQuoted(text: string): boolean {
  return /^[「『（(【]/.test(text) && /[」』）)】][。．]?$/.test(text);
}

export default defineDetector({
  meta: {
    id: 'ja/plain-ending',
    kind: 'politeness',
    languages: ['ja'],
    markets: ['jp'],
    defaultLevel: 'warn',
    fixable: true,
    schema: NO_OPTIONS,
    holdsSend: true,
    description: {
      en: 'Sentences of a customer reply end in です/ます: no plain endings (確認した, できない, だ), no である mixed in.',
      ja: 'お客様への返信は文末を「です・ます」にそろえ、常体（確認した・できない・だ）や「である」を混ぜないようにします。',
    },
    messages: {
      plain: {
        en: '“{plain}” is a plain ending; a customer reply ends in です/ます: “{polite}”.',
        ja: '「{plain}」は常体の文末です。お客様への返信では「{polite}」のように「です・ます」で結びます。',
      },
      plainNoFix: {
        en: '“{plain}” is a plain ending; end the sentence in です/ます.',
        ja: '「{plain}」は常体の文末です。「です・ます」で結びましょう。',
      },
      mixed: {
        en: '“{plain}” is the written である style, mixed into a です/ます reply: “{polite}”.',
        ja: '「{plain}」は「である」調で、「です・ます」調の返信に混在しています。「{polite}」にそろえましょう。',
      },
      fix: { en: 'Change to “{polite}”', ja: '「{polite}」に直す' },
      reason: {
        en: 'Japanese customers hear plain endings as talking down to them, or as carelessness: a company speaks to its customers in です/ます throughout, and a switch of style mid-reply stands out.',
        ja: '常体の文末は、お客様には見下した言い方や雑な対応に聞こえます。企業からお客様への文章は「です・ます」で統一するのが基本で、途中で文体が変わると目立ちます。',
      },
    },
  },
  detect({ doc }) {
    const findings: RawFinding[] = [];
    const sentences = jaSentences(doc);
    const anyPolite = sentences.some((s) => s.ja.register.polite);
    for (const [i, s] of sentences.entries()) {
      const e = s.ja.ending;
      if ((e.kind !== 'plain' && e.kind !== 'dearu') || e.head < 0) continue;
      // 居酒屋 とりまる / 丸山様: a shop or company line above the address line is part of the address.
      if (isAddressHeader(sentences, i)) continue;
      if (LIST_OR_QUOTE.test(doc.paragraphs[s.paragraph]!.text) || isQuoted(s.text)) continue;
      if (endsInParenthetical(s)) continue; // 受付 9:00〜18:00（年末年始を除く）: a note, not an ending
      findings.push(finding(s, e.kind === 'dearu' && anyPolite));
    }
    return findings;
  },
});

function finding(s: JaSentenceEntry, mixed: boolean): RawFinding {
  const { tokens, ending } = s.ja;
  const head = tokens[ending.head]!;
  const last = tokens[ending.to - 1]!;
  const start = s.start + head.start;
  const edit = politeEnding(tokens, ending);
  if (!edit) {
    return { start, end: s.start + last.end, message: 'plainNoFix', data: { plain: s.text.slice(head.start, last.end) } };
  }
  const span = tokenEditSpan(tokens, edit);
  // The finding covers the predicate (and whatever the fix rewrites beyond it).
  const endInSentence = Math.max(last.end, span.end);
  const plain = s.text.slice(head.start, endInSentence);
  const polite = s.text.slice(head.start, span.start) + span.text + s.text.slice(span.end, endInSentence);
  return {
    start,
    end: s.start + endInSentence,
    message: mixed ? 'mixed' : 'plain',
    data: { plain, polite },
    fixes: [{ label: 'fix', data: { polite }, edits: [{ start: s.start + span.start, end: s.start + span.end, text: span.text }] }],
  };
}
