/**
 * ja/missing-cause — an apology for an actual failure with no word on why it happened. Japanese
 * customers expect the cause (原因) explained with the apology — or at least told that it is being
 * investigated and will be reported. The case reading decides: a failure the customer reported or the
 * draft admits (not a refusal, a thank-you or a plain question), an apology, and no cause — a cause is
 * a clause (〜ため, 〜ので, 〜により, 〜によって, 〜が原因で, 〜のせいで, 配送中の衝撃で) or 原因を調査しております.
 * The fix inserts a cause sentence right after the apology: with a placeholder the agent fills when the
 * cause is known, or the investigating sentence. A failure with no apology at all is flagged where the
 * apology goes, without a fix: the cause follows the apology, which ja/missing-apology inserts first.
 */
import data from '../../../../dictionaries/ja/cause.json';
import { insertAfterOpening, insertAfterSentence } from '../../reply/ja';
import { defineDetector } from '../../detector';
import { NO_OPTIONS } from '../../options';
import { jaSentences } from '../../document';

export default defineDetector({
  meta: {
    id: 'ja/missing-cause',
    kind: 'cause',
    languages: ['ja'],
    markets: ['jp'],
    defaultLevel: 'warn',
    fixable: true,
    schema: NO_OPTIONS,
    holdsSend: false,
    description: {
      en: 'An apology for a problem should say what caused it (原因), or that the cause is being investigated.',
      ja: '問題へのお詫びには、原因の説明（または調査中である旨）を添えましょう。',
    },
    messages: {
      missing: {
        en: 'You apologise but do not say why it happened: explain the cause, or say you are investigating it.',
        ja: 'お詫びはありますが、原因の説明がありません。原因を説明するか、調査中である旨をお伝えしましょう。',
      },
      missingWithApology: {
        en: 'The customer reported a problem: with the apology, say why it happened, or that you are investigating it.',
        ja: 'お客様は問題を報告しています。お詫びとともに、原因か、調査中である旨をお伝えしましょう。',
      },
      insertKnown: { en: 'Add the cause (fill in the placeholder)', ja: '原因の説明を追加（〈〉内を記入）' },
      insertInvestigating: { en: 'Say the cause is being investigated', ja: '原因を調査中である旨を追加' },
      reason: {
        en: 'Japanese customers judge sincerity by whether the company understands what went wrong: an apology without a cause sounds like a formula, and the customer cannot trust it will not happen again.',
        ja: '日本のお客様は、企業が何が起きたのかを把握しているかで誠意を判断します。原因の説明のないお詫びは形式的に聞こえ、再発しないという安心につながりません。',
      },
    },
  },
  detect({ doc, reading }) {
    const apology = reading.apology;
    if (!reading.problem || reading.cause || reading.blame) return [];
    if (!apology) {
      // No apology either (ja/missing-apology asks for one): point where the apology and its cause go.
      // No fix of its own — a cause sentence belongs after the apology the agent adds first.
      const at = insertAfterOpening(doc, '').start;
      return [{ start: at, end: at, message: 'missingWithApology' }];
    }
    // 申し訳ございませんが、16歳未満の方のアカウントでは…制限しております: the only apology cushions a
    // refusal — the customer met a rule, not a failure, and the rule stated is the explanation.
    if (reading.refusal && doc.text.startsWith('が', apology.end)) return [];
    for (const s of jaSentences(doc)) {
      if (apology.start < s.start || apology.start >= s.end) continue;
      return [
        {
          start: apology.start,
          end: apology.end,
          message: 'missing',
          fixes: [
            { label: 'insertKnown', edits: [insertAfterSentence(doc, s, data.insert.known)] },
            { label: 'insertInvestigating', edits: [insertAfterSentence(doc, s, data.insert.investigating)] },
          ],
        },
      ];
    }
    return [];
  },
});
