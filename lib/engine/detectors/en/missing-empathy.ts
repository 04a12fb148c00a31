/**
 * en/missing-empathy — when a US customer reports a problem, the reply should acknowledge how they feel
 * before it solves anything ("I'm sorry this happened — I know how frustrating that must be").
 * Boilerplate ("we apologize for any inconvenience") is not empathy. It reads the case: an upset customer
 * always needs it, and so does any problem of ours, even one this reply resolves (damaged goods replaced);
 * a calm customer who owns up to their own slip and whose case this reply already resolves or schedules
 * ("I typed my address wrong" → "I've updated it") does not; a thank-you or a plain
 * question never does. The fix adds the
 * sentence right after the opening. Phrases: dictionaries/en/empathy.json.
 */
import data from '../../../../dictionaries/en/empathy.json';
import { defineDetector } from '../../detector';
import { NO_OPTIONS } from '../../options';
import { enSentences } from '../../document';
import { PhraseIndex, tokenize } from '../../../lang/en/phrase-index';
import { insertAfterOpening, isEnglishReply } from '../../reply/en';

const empathy = new PhraseIndex<true>(data.phrases.map((p): [string, true] => [p, true]));

const UNDERSTAND = new Set(data.understanding.verbs);
const FEELINGS = new Set(data.understanding.feelings);
const FIRST_PERSON = new Set(['i', 'we', "i'm", "we're", "i've", "we've", "i'd", "we'd", "i'll", "we'll"]);

/** "I know a trust balance that looks off is a serious worry", "we understand how stressful …": I/we + understand + a feeling. */
function understandsFeeling(tokens: readonly { key: string }[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    if (!UNDERSTAND.has(tokens[i]!.key)) continue;
    const subject = tokens.slice(Math.max(0, i - 3), i).some((t) => FIRST_PERSON.has(t.key));
    if (subject && tokens.slice(i + 1, i + 13).some((t) => FEELINGS.has(t.key))) return true;
  }
  return false;
}

const STIRS = new Set(data.validation.stirs);
const WEIGHTY = new Set(data.validation.weighty);
const TROUBLES = new Set(data.validation.troubles);

/**
 * The customer's reaction validated: "a bill seven times your usual amount would alarm anyone", "having
 * finance locked out during close is a real problem" — a feeling anyone would have, or a trouble called real.
 */
function validatesReaction(tokens: readonly { key: string }[]): boolean {
  return tokens.some((t, i) => {
    if (t.key === 'anyone' || t.key === 'anybody') return tokens.slice(Math.max(0, i - 3), i).some((u) => STIRS.has(u.key));
    return WEIGHTY.has(t.key) && TROUBLES.has(tokens[i + 1]?.key ?? '');
  });
}

/** Whether an English text shows empathy (a sentence holds one of the phrases, understands a feeling or validates it). */
export function showsEmpathy(text: string): boolean {
  const tokens = tokenize(text);
  return empathy.findAll(tokens).length > 0 || understandsFeeling(tokens) || validatesReaction(tokens);
}

export default defineDetector({
  meta: {
    id: 'en/missing-empathy',
    kind: 'warmth',
    languages: ['en'],
    markets: ['us'],
    defaultLevel: 'warn',
    fixable: true,
    schema: NO_OPTIONS,
    holdsSend: true,
    description: {
      en: 'When the customer reports a problem, acknowledge how they feel before solving it.',
      ja: 'お客様が問題を報告しているときは、解決策の前にお気持ちに寄り添う一文を入れましょう。',
    },
    messages: {
      missing: {
        en: 'The customer reports a problem, but the reply shows no empathy; acknowledge how they feel first.',
        ja: 'お客様は問題を報告していますが、返信に共感の言葉がありません。まずお気持ちに寄り添いましょう。',
      },
      insert: { en: 'Add “{sentence}”', ja: '「{sentence}」を追加' },
      reason: {
        en: 'US customers want to feel heard: a line of empathy before the fix tells them a person understands their frustration, not just their ticket.',
        ja: '米国のお客様は「話を聞いてもらえた」と感じたいと考えます。解決策の前の共感の一言が、チケットではなく気持ちを理解していることを伝えます。',
      },
    },
  },
  detect({ doc, reading }) {
    if (!reading.problem || !isEnglishReply(doc)) return [];
    // Without the customer's message their mood is unknown: a problem the reply admits calls for empathy.
    // A calm customer who owns up to their own slip ("I typed my address wrong") or asks for something ("Is
    // there a dark mode? My eyes hurt at night."), and whose case this reply already resolves or schedules,
    // needs the answer, not sympathy; a failure of ours reported as such ("two chairs arrived split") needs both.
    // A calm how-to question ("How do I reset an attempt? A student's browser crashed.") wants the steps.
    const calm = reading.customer && !reading.customer.upset;
    if (calm && reading.customer!.howTo) return [];
    // (A question that asks us to put something right — "Can you refund them?" — reports a problem like any other.)
    if (calm && reading.state !== 'open' && (reading.customer!.ownSlip || (reading.customer!.question && !reading.customer!.asksRemedy))) return [];
    const sentences = enSentences(doc);
    if (sentences.length === 0 || sentences.some((s) => showsEmpathy(s.text))) return [];
    const edit = insertAfterOpening(doc, data.insert);
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
