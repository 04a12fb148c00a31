/**
 * en/missing-owner — Japanese customers expect one named person to own their case from start to
 * finish, not a faceless team. A reply about a problem that never names its writer (the agent's name
 * from the context, or "My name is … / I will be your point of contact") gets a sentence that does,
 * at the end of the body. Phrases: dictionaries/en/owner.json.
 */
import data from '../../../../dictionaries/en/owner.json';
import { defineDetector } from '../../detector';
import { NO_OPTIONS } from '../../options';
import { enSentences } from '../../document';
import { interpolate } from '../../messages';
import { PhraseIndex, tokenize } from '../../../lang/en/phrase-index';
import { insertBeforeClosing, isEnglishReply, readClosing } from '../../../lang/en/reply';
import type { AnalyzedText } from '../../document';

const owner = new PhraseIndex<true>(data.phrases.map((p): [string, true] => [p, true]));
const NOT_PERSONAL = new Set(data.notPersonal);

/** A person's name signed under the sign-off ("Best regards,\nMarcus Lee"), not a team ("Acme Support"). */
function signedByPerson(doc: AnalyzedText): boolean {
  const closing = readClosing(doc);
  if (!closing) return false;
  const signature = doc.sentences[closing.sentence.index + 1];
  if (!signature || signature.paragraph === closing.sentence.paragraph) return false;
  const words = signature.text.replace(/[.,]$/, '').split(/\s+/);
  return (
    words.length >= 1 &&
    words.length <= 3 &&
    words.every((w) => /^[A-Z][a-z]+(?:[-'’][A-Za-z]+)?$/.test(w) && !NOT_PERSONAL.has(w.toLowerCase()))
  );
}

/** The agent's name, or its first word, appears in the text ("Sam Lee" signs "Sam"). */
function mentionsAgent(text: string, agentName: string | undefined): boolean {
  const name = agentName?.trim();
  if (!name || !/[A-Z]/i.test(name)) return false;
  const lower = text.toLowerCase();
  const first = name.split(/\s+/)[0]!.toLowerCase();
  return lower.includes(name.toLowerCase()) || new RegExp(`(?<![A-Za-z])${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z])`).test(lower);
}

export default defineDetector({
  meta: {
    id: 'en/missing-owner',
    kind: 'ownership',
    languages: ['en'],
    markets: ['jp'],
    defaultLevel: 'warn',
    fixable: true,
    schema: NO_OPTIONS,
    description: {
      en: 'Name one person who owns the case (“My name is …, and I will personally handle your case”).',
      ja: '案件を担当する一人の担当者名を示しましょう（My name is …, and I will personally handle your case）。',
    },
    messages: {
      missing: {
        en: 'No named contact: tell the customer who is handling their case.',
        ja: '担当者名がありません。誰がこの件を担当するかをお客様に伝えましょう。',
      },
      insert: { en: 'Add “{sentence}”', ja: '「{sentence}」を追加' },
      reason: {
        en: 'Japanese customers expect to deal with one person on one issue; a named owner promises consistency and spares them explaining everything again.',
        ja: '日本のお客様は一つの件を一人の担当者とやり取りすることを期待します。担当者名を示すことで一貫した対応を約束し、同じ説明を繰り返す負担をなくします。',
      },
    },
  },
  detect({ doc, context, coverage }) {
    if (!coverage.problem || !isEnglishReply(doc)) return [];
    const sentences = enSentences(doc);
    if (sentences.length === 0) return [];
    if (mentionsAgent(doc.text, context.agentName) || signedByPerson(doc)) return [];
    if (sentences.some((s) => owner.findAll(tokenize(s.text)).length > 0)) return [];
    const name = context.agentName?.trim();
    const sentence = name && /[A-Z]/i.test(name) ? interpolate(data.insert, { name }) : data.insertNoName;
    const edit = insertBeforeClosing(doc, sentence);
    return [{ start: edit.start, end: edit.start, message: 'missing', fixes: [{ label: 'insert', data: { sentence }, edits: [edit] }] }];
  },
});
