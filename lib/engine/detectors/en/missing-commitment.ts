/**
 * en/missing-commitment — a customer with an open problem expects to know when they will hear from you
 * again ("We will contact you again within 24 hours"). It reads the case: a case the reply resolves
 * ("we have refunded …") or schedules with a date ("it will arrive by June 12") needs no promise, nor
 * does a thank-you or a plain question. On an open case, a promise with no time ("We will get back to
 * you") or a vague one ("soon", "as soon as possible") gets a concrete time; for a Japanese customer a
 * reply with no promise at all gets one (for a US customer that is en/missing-next-step's finding).
 * Words: dictionaries/en/commitment.json.
 */
import data from '../../../../dictionaries/en/commitment.json';
import { defineDetector, type RawFinding } from '../../detector';
import { NO_OPTIONS } from '../../options';
import { enSentences, type EnSentenceEntry } from '../../document';
import { PhraseIndex, tokenize } from '../../../lang/en/phrase-index';
import { insertBeforeClosing, isEnglishReply } from '../../reply/en';
import { charIn, trimEndWhere } from '../../../lang/text';

const contact = new PhraseIndex<true>(data.contact.map((p): [string, true] => [p, true]));
const time = new PhraseIndex<true>(data.time.map((p): [string, true] => [p, true]));
const vague = new PhraseIndex<string>(data.vague.map((v): [string, string] => [v.phrase, v.replacement]));
/** "10 a.m.", "3pm", "14:00", "2 hours", "3 business days". */
const CLOCK = /\b\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|\b\d{1,2}:\d{2}\b|\b\d+\s*(?:hours?|days?|business days?|minutes?)\b/i;

export function hasTime(text: string): boolean {
  return CLOCK.test(text) || time.findAll(tokenize(text)).length > 0;
}

/** A contact phrase that promises ("we'll let you know"), not one that is this very message ("I just wanted to let you know that …"). */
function promiseIn(s: EnSentenceEntry) {
  return contact.findAll(tokenize(s.text)).find((hit) => !/\b(?:wanted|want|wants|just)\s+to\s+$/i.test(s.text.slice(Math.max(0, hit.start - 20), hit.start)));
}

export default defineDetector({
  meta: {
    id: 'en/missing-commitment',
    kind: 'commitment',
    languages: ['en'],
    markets: ['jp', 'us'],
    defaultLevel: 'warn',
    fixable: true,
    schema: NO_OPTIONS,
    holdsSend: false,
    description: {
      en: 'On an open case, promise when you will contact the customer again, with a concrete time (“within 24 hours”).',
      ja: '次にいつ連絡するかを、具体的な時間（within 24 hours など）を添えて約束しましょう。',
    },
    messages: {
      missing: {
        en: 'No response commitment: tell the customer when you will contact them again.',
        ja: '次回連絡の約束がありません。いつ改めてご連絡するかを伝えましょう。',
      },
      vague: {
        en: '“{phrase}” is vague; give a concrete time such as “{replacement}”.',
        ja: '「{phrase}」はあいまいです。「{replacement}」のように具体的な時間を示しましょう。',
      },
      undated: {
        en: '“{phrase}” gives no time; add one such as “{addition}”.',
        ja: '「{phrase}」には時期がありません。「{addition}」のように時期を加えましょう。',
      },
      insert: { en: 'Add “{sentence}”', ja: '「{sentence}」を追加' },
      replace: { en: 'Write “{replacement}”', ja: '「{replacement}」にする' },
      addTime: { en: 'Add “{addition}”', ja: '「{addition}」を追加' },
      reason: {
        en: 'Japanese customers expect a fast, dependable response; most will not accept waiting more than 24 hours, and a concrete time shows the case is being taken seriously.',
        ja: '日本のお客様は迅速で確実な対応を期待し、多くは24時間を超える待ち時間を許容しません。具体的な時間を示すことで、真剣に対応していることが伝わります。',
      },
      reasonUs: {
        en: 'US customers want to know what happens next and when; “we’ll get back to you” with no time leaves them checking their inbox and chasing you.',
        ja: '米国のお客様は、次に何がいつ起きるかを知りたいと考えます。時期のない「追ってご連絡します」では、受信箱を確認し続け、催促する羽目になります。',
      },
    },
  },
  detect({ doc, context, reading }) {
    // Only an open problem needs a promise: not a resolved or dated case, a thank-you or a question.
    if (!reading.problem || reading.state !== 'open' || !isEnglishReply(doc)) return [];
    // Waiting on the customer's move ("Bring it by and we'll fix it") with no promise of ours: nothing to time.
    if (reading.awaitingCustomer && !reading.commitment) return [];
    // A refusal is the answer (en/refusal-without-alternative judges what it offers): no later contact is owed.
    if (reading.refusal && !reading.commitment) return [];
    // The customer holds a way to settle it now ("You can unlock it right away: …"): nobody need own it.
    if (reading.selfService) return [];
    // A calm how-to question ("Is there a way to make him ask me first?") answered with the steps: the
    // customer holds the way forward, and no later contact is owed.
    if (reading.customer?.howTo && !reading.customer.upset && reading.nextStep && !reading.commitment) return [];
    const us = context.market !== 'jp';
    const reason = us ? 'reasonUs' : undefined;
    const sentences = enSentences(doc);
    const promised = reading.commitment ? sentences.filter((s) => s.start <= reading.commitment!.start && reading.commitment!.start < s.end) : [];
    const promises = [...new Set([...sentences.filter((s) => promiseIn(s)), ...promised])].sort((a, b) => a.start - b.start);
    if (promises.some((s) => hasTime(s.text))) return [];
    const findings: RawFinding[] = [];
    for (const s of promises) {
      const vagueHit = vague.findAll(tokenize(s.text))[0];
      if (vagueHit) {
        const start = s.start + vagueHit.start;
        const end = s.start + vagueHit.end;
        findings.push({
          start,
          end,
          ...(reason ? { reason } : {}),
          message: 'vague',
          data: { phrase: doc.text.slice(start, end), replacement: vagueHit.value },
          fixes: [{ label: 'replace', data: { replacement: vagueHit.value }, edits: [{ start, end, text: vagueHit.value }] }],
        });
        continue;
      }
      // The time goes right after the promise phrase, or before the sentence's final stop.
      const phrase = promiseIn(s);
      const hit = phrase ?? { start: reading.commitment!.start - s.start, end: reading.commitment!.end - s.start };
      const start = s.start + hit.start;
      const end = s.start + hit.end;
      const at = phrase ? end : s.start + trimEndWhere(s.text, charIn(/[.!?…]/u)).length;
      const addition = data.undatedAddition;
      findings.push({
        start,
        end,
        ...(reason ? { reason } : {}),
        message: 'undated',
        data: { phrase: doc.text.slice(start, end), addition: addition.trim() },
        fixes: [{ label: 'addTime', data: { addition: addition.trim() }, edits: [{ start: at, end: at, text: addition }] }],
      });
    }
    // No promise at all on an open problem: in the US a tip (the built-in pack runs the rule at info there).
    if (promises.length > 0 || sentences.length === 0) return findings;
    const edit = insertBeforeClosing(doc, data.insert);
    return [{ start: edit.start, end: edit.start, ...(reason ? { reason } : {}), message: 'missing', fixes: [{ label: 'insert', data: { sentence: data.insert }, edits: [edit] }] }];
  },
});
