/**
 * ja/missing-closing — a Japanese business reply ends with a closing formula
 * (今後ともよろしくお願い申し上げます); without one it stops abruptly. The fix adds the formula at the
 * end of the body, before the signature. A body whose last sentence closes in its own way (お気軽にお問い合わせ
 * ください, 重ねてお詫び申し上げます, 誠にありがとうございました) is not abrupt. Short fragments (fewer than `minSentences` sentences) are
 * left alone while the agent is still writing, and so is a chat message (no address line, greeting or
 * signature): messaging channels do not close like letters.
 */
import data from '../../../../dictionaries/ja/closing.json';
import { insertBeforeSignature, replyShape } from '../../reply/ja';
import { defineDetector } from '../../detector';
import { ruleOptions, wholeNumberOption } from '../../options';
import { jaSentences } from '../../document';
import { PhraseSet } from '../../../lang/phrases';

const formulas = new PhraseSet(data.formulas);
/** A last body sentence that closes a reply in its own way (お気軽にお問い合わせください, 重ねてお詫び申し上げます). */
const lastLines = new PhraseSet(data.lastLines);

export default defineDetector({
  meta: {
    id: 'ja/missing-closing',
    kind: 'politeness',
    languages: ['ja'],
    markets: ['jp'],
    defaultLevel: 'info',
    fixable: true,
    holdsSend: false,
    options: { minSentences: 2 },
    schema: ruleOptions({
      minSentences: wholeNumberOption(1, 50, 'Sentences a reply needs before a missing closing is flagged (default 2).'),
    }),
    description: {
      en: 'End the reply with a closing formula (今後ともよろしくお願い申し上げます).',
      ja: '返信の最後は結びの言葉（今後ともよろしくお願い申し上げます）で締めくくります。',
    },
    messages: {
      missing: {
        en: 'The reply has no closing formula; end with “{closing}”.',
        ja: '結びの言葉がありません。「{closing}」で締めくくりましょう。',
      },
      insert: { en: 'Add “{closing}”', ja: '「{closing}」を追加' },
      reason: {
        en: 'A Japanese business message closes by affirming the ongoing relationship; ending without 「よろしくお願いいたします」 reads as curt, as if the exchange were over.',
        ja: '日本のビジネス文書は、今後の関係を大切にする結びの言葉で締めくくります。「よろしくお願いいたします」のない返信は、そっけなく、関係を打ち切るような印象を与えます。',
      },
    },
  },
  detect({ doc, options }) {
    const sentences = jaSentences(doc);
    const min = typeof options.minSentences === 'number' ? options.minSentences : 2;
    if (sentences.length < min) return [];
    if (sentences.some((s) => formulas.test(s.text))) return [];
    const shape = replyShape(doc);
    // No address line, no greeting and no signature: a message in a chat channel (an app's or helpdesk's
    // messaging), where a letter's closing formula is not expected.
    if (!shape.opening && shape.signatureStart < 0) return [];
    const bodyEnd = shape.signatureStart >= 0 ? doc.paragraphs[shape.signatureStart]!.start : doc.text.length;
    const body = sentences.filter((s) => s.end <= bodyEnd);
    const last = body[body.length - 1];
    if (last && lastLines.test(last.text)) return [];
    const edit = insertBeforeSignature(doc, data.insert);
    return [
      {
        start: edit.start,
        end: edit.start,
        message: 'missing',
        data: { closing: data.insert },
        fixes: [{ label: 'insert', data: { closing: data.insert }, edits: [edit] }],
      },
    ];
  },
});
