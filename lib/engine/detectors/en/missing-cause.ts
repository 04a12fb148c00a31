/**
 * en/missing-cause — a Japanese customer who reports a problem expects to be told why it happened
 * ("This was caused by …"); an apology and a fix without a cause leave them unable to trust it will not
 * happen again. When the cause is not known yet, say that it is being investigated and will be
 * explained: the fix inserts that sentence after the apology (or after the opening).
 * Cause phrases: the `cause` list of dictionaries/en/coverage.json; text: dictionaries/en/cause.json.
 */
import apology from '../../../../dictionaries/en/apology.json';
import data from '../../../../dictionaries/en/cause.json';
import { defineDetector } from '../../detector';
import { NO_OPTIONS } from '../../options';
import { enSentences } from '../../document';
import type { Edit } from '../../types';
import { PhraseIndex, tokenize } from '../../../lang/en/phrase-index';
import { insertAfterOpening, isEnglishReply } from '../../reply/en';

const apologies = new PhraseIndex<true>(apology.phrases.map((p): [string, true] => [p, true]));

export default defineDetector({
  meta: {
    id: 'en/missing-cause',
    kind: 'cause',
    languages: ['en'],
    markets: ['jp'],
    defaultLevel: 'warn',
    fixable: true,
    schema: NO_OPTIONS,
    holdsSend: false,
    description: {
      en: 'A reply about a problem should explain its cause (“This was caused by …”), or say it is being investigated.',
      ja: '問題に関する返信では原因を説明するか（This was caused by …）、調査中であることを伝えましょう。',
    },
    messages: {
      missing: {
        en: 'The cause is not explained: tell the customer why it happened (“{template}”), or that you are investigating it.',
        ja: '原因の説明がありません。なぜ起きたのか（「{template}」）、または調査中であることを伝えましょう。',
      },
      insert: { en: 'Add “{sentence}”', ja: '「{sentence}」を追加' },
      reason: {
        en: 'Japanese customers expect to understand why a problem happened; explaining the cause shows sincerity and that it will not recur.',
        ja: '日本のお客様は問題が起きた理由の説明を期待します。原因を説明することで誠意と再発防止の姿勢が伝わります。',
      },
    },
  },
  detect({ doc, coverage }) {
    if (!coverage.problem || coverage.cause || !isEnglishReply(doc)) return [];
    const sentences = enSentences(doc);
    if (sentences.length === 0) return [];
    const apologySentence = sentences.find((s) => apologies.findAll(tokenize(s.text)).length > 0);
    const edit: Edit = apologySentence
      ? { start: apologySentence.end, end: apologySentence.end, text: ` ${data.insert}` }
      : insertAfterOpening(doc, data.insert);
    return [
      {
        start: edit.start,
        end: edit.start,
        message: 'missing',
        data: { template: data.template },
        fixes: [{ label: 'insert', data: { sentence: data.insert }, edits: [edit] }],
      },
    ];
  },
});
