/**
 * en/missing-owner — customers expect one person to own an open case, not a faceless team. It reads the
 * case: a case this reply resolves or schedules, a thank-you or a plain question needs no owner, and
 * the writer owns the case when they act in the first person ("I'll …", "I've …", "I will personally
 * …", "My name is …"), sign with a person's name, or name themself. Japanese customers expect the named
 * contact on every open case; for a US customer it speaks only when the case is handed to a team
 * ("our engineering team is looking into it") and nobody says "I". The fix adds a sentence that does,
 * at the end of the body. Phrases: dictionaries/en/owner.json.
 */
import data from '../../../../dictionaries/en/owner.json';
import { defineDetector } from '../../detector';
import { NO_OPTIONS } from '../../options';
import { enSentences } from '../../document';
import { interpolate } from '../../messages';
import { PhraseIndex, tokenize } from '../../../lang/en/phrase-index';
import { insertBeforeClosing, isEnglishReply, readClosing } from '../../reply/en';
import type { AnalyzedText } from '../../document';

const owner = new PhraseIndex<true>(data.phrases.map((p): [string, true] => [p, true]));
const NOT_PERSONAL = new Set(data.notPersonal);

/** The line signed under the sign-off, if there is one ("Best regards,\nMarcus Lee"). */
function signatureLine(doc: AnalyzedText): string | undefined {
  const closing = readClosing(doc);
  if (!closing) return undefined;
  const signature = doc.sentences[closing.sentence.index + 1];
  if (!signature || signature.paragraph === closing.sentence.paragraph) return undefined;
  return signature.text;
}

/** A person's name signed under the sign-off ("Best regards,\nMarcus Lee"), not a team ("Acme Support"). */
function signedByPerson(doc: AnalyzedText): boolean {
  const line = signatureLine(doc);
  if (line === undefined) return false;
  const words = line.replace(/[.,]$/, '').split(/\s+/);
  return (
    words.length >= 1 &&
    words.length <= 3 &&
    words.every((w) => /^\p{Lu}\p{Ll}+(?:[-'’]\p{L}+)?$/u.test(w) && !NOT_PERSONAL.has(w.toLowerCase()))
  );
}

/** Somebody unnamed does the next step: "someone from our team", "one of our technicians", "a member of our team". */
const ANONYMOUS = /\b(?:someone|somebody|one)\s+(?:from|of|on)\s+(?:our|the)\s+(?:\w+\s+)?(?:team|staff|agents|department|specialists|technicians|engineers)\b|\ba\s+member\s+of\s+(?:our|the)\s+(?:\w+\s+)?team\b/i;

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
    markets: ['jp', 'us'],
    defaultLevel: 'warn',
    fixable: true,
    schema: NO_OPTIONS,
    holdsSend: false,
    description: {
      en: 'On an open case, name one person who owns it (“My name is …, and I will personally handle your case”).',
      ja: '案件を担当する一人の担当者名を示しましょう（My name is …, and I will personally handle your case）。',
    },
    messages: {
      anonymous: {
        en: 'The reply says “I” but is signed by a team: sign with your name so the customer knows who owns the case.',
        ja: '本文では「私」と書いていますが、署名がチーム名だけです。担当者が誰か分かるよう、名前で署名しましょう。',
      },
      missing: {
        en: 'No named contact: tell the customer who is handling their case.',
        ja: '担当者名がありません。誰がこの件を担当するかをお客様に伝えましょう。',
      },
      unnamed: {
        en: '“{text}” leaves the next step to nobody in particular: name the person who will do it.',
        ja: '「{text}」では、次の対応を誰が行うのか分かりません。担当者の名前を示しましょう。',
      },
      handoff: {
        en: 'The case is handed to a team and nobody says “I”: tell the customer who stays on it.',
        ja: '案件がチームに引き継がれ、誰が担当するかが書かれていません。誰が責任をもって対応するかを伝えましょう。',
      },
      insert: { en: 'Add “{sentence}”', ja: '「{sentence}」を追加' },
      reasonUs: {
        en: 'US customers expect ownership: “I’ll stay on this” tells them a person is accountable, while “the team is looking into it” sounds like it is nobody’s job.',
        ja: '米国のお客様は当事者意識を期待します。「私が対応します」は責任を持つ人がいることを伝え、「チームが調査中です」は誰の仕事でもないように聞こえます。',
      },
      reason: {
        en: 'Japanese customers expect to deal with one person on one issue; a named owner promises consistency and spares them explaining everything again.',
        ja: '日本のお客様は一つの件を一人の担当者とやり取りすることを期待します。担当者名を示すことで一貫した対応を約束し、同じ説明を繰り返す負担をなくします。',
      },
    },
  },
  detect({ doc, context, reading }) {
    // A case still has nobody when the follow-up is "someone from our team" under a team signature — to a
    // customer who complains of being passed around, that is the very defect: a tip (US).
    if (reading.problem && (reading.state === 'scheduled' || reading.state === 'open') && context.market !== 'jp' && isEnglishReply(doc) && ANONYMOUS.test(doc.text)) {
      const m = ANONYMOUS.exec(doc.text);
      if (!m || signedByPerson(doc) || mentionsAgent(doc.text, context.agentName)) return [];
      return [{ start: m.index, end: m.index + m[0].length, message: 'unnamed', data: { text: m[0] }, reason: 'reasonUs', mild: true }];
    }
    // The customer holds a way to settle it now ("You can unlock it right away: …"): nobody need own it.
    if (reading.selfService) return [];
    // Only an open problem needs an owner: not a resolved or dated case, a thank-you or a question.
    if (!reading.problem || reading.state !== 'open' || !isEnglishReply(doc)) return [];
    if (reading.owner) {
      // "I've reached out to dispatch" signed "Customer Care Team": an "I" with no name owns nothing the
      // customer can come back to — a tip (a draft with no sign-off may get one from the helpdesk).
      if (context.market === 'jp') return [];
      const line = signatureLine(doc);
      if (line === undefined || signedByPerson(doc) || mentionsAgent(doc.text, context.agentName)) return [];
      const at = doc.text.lastIndexOf(line);
      return [{ start: at, end: at + line.length, message: 'anonymous', reason: 'reasonUs', mild: true }];
    }
    const sentences = enSentences(doc);
    if (sentences.length === 0) return [];
    if (sentences.some((s) => owner.findAll(tokenize(s.text)).length > 0)) return [];
    const us = context.market !== 'jp';
    if (us) {
      // A US reply signed by a person owns the case unless it hands it to a team; one signed only by a
      // team ("Customer Service Team") has nobody the customer can come back to.
      const sentence = data.insertUs;
      const edit = insertBeforeClosing(doc, sentence);
      const fixes = [{ label: 'insert', data: { sentence }, edits: [edit] }];
      if (reading.handoff) return [{ start: reading.handoff.start, end: reading.handoff.end, message: 'handoff', reason: 'reasonUs', fixes }];
      if (mentionsAgent(doc.text, context.agentName) || signedByPerson(doc)) return [];
      return [{ start: edit.start, end: edit.start, message: 'missing', reason: 'reasonUs', fixes }];
    }
    if (mentionsAgent(doc.text, context.agentName) || signedByPerson(doc)) return [];
    const name = context.agentName?.trim();
    const sentence = name && /[A-Z]/i.test(name) ? interpolate(data.insert, { name }) : data.insertNoName;
    const edit = insertBeforeClosing(doc, sentence);
    return [{ start: edit.start, end: edit.start, message: 'missing', fixes: [{ label: 'insert', data: { sentence }, edits: [edit] }] }];
  },
});
