/**
 * en/missing-next-step — a US reply about a problem must give the customer something to hold: a
 * practical remedy (refund, replacement, credit, workaround) or what happens next and when. "We are
 * looking into it" alone is neither. It reads the case: a case the reply resolves or schedules
 * ("I've refunded", "it will arrive by Friday") has its next step; a thank-you or a plain question has
 * none to give; a refusal is en/refusal-without-alternative's to flag (one finding per defect), and a
 * negated or refused remedy ("cannot be refunded", "your refund is denied") is not a next step, and nor is
 * a promise of news with no date ("we'll look into it and get back to you"): the reading's `nextStep`.
 * The fix adds a concrete next step at the end of the body, before the sign-off.
 */
import data from '../../../../dictionaries/en/next-step.json';
import { defineDetector } from '../../detector';
import { NO_OPTIONS } from '../../options';
import { enSentences } from '../../document';
import { insertBeforeClosing, isEnglishReply } from '../../reply/en';

export default defineDetector({
  meta: {
    id: 'en/missing-next-step',
    kind: 'remedy',
    languages: ['en'],
    markets: ['us'],
    defaultLevel: 'warn',
    fixable: true,
    schema: NO_OPTIONS,
    holdsSend: false,
    description: {
      en: 'A reply about a problem needs a practical remedy or a clear next step with a time.',
      ja: '問題に関する返信には、具体的な解決策か、時期を示した次のステップが必要です。',
    },
    messages: {
      missing: {
        en: 'No remedy or next step: tell the customer what you did or what happens next, and when.',
        ja: '解決策や次のステップがありません。何を対応したか、次に何がいつ起きるかを伝えましょう。',
      },
      insert: { en: 'Add “{sentence}”', ja: '「{sentence}」を追加' },
      reason: {
        en: 'US customers judge support by outcomes: a refund, a replacement, a workaround or a dated next step. Sympathy without action reads as a brush-off.',
        ja: '米国のお客様は成果でサポートを評価します。返金・交換・回避策、または日付のある次のステップです。行動を伴わない同情は、あしらわれたと受け取られます。',
      },
    },
  },
  detect({ doc, reading }) {
    if (!reading.problem || reading.state !== 'open' || reading.refusal || !isEnglishReply(doc)) return [];
    if (enSentences(doc).length === 0 || reading.nextStep) return [];
    const edit = insertBeforeClosing(doc, data.insert);
    return [
      {
        start: edit.start,
        end: edit.start,
        message: 'missing',
        fixes: [{ label: 'insert', data: { sentence: data.insert }, edits: [edit] }],
      },
    ];
  },
});
