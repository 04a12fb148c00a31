/**
 * en/cold-phrase — bureaucratic or cold phrases ("per our policy", "you failed to", "we are unable
 * to") read to US customers as a brush-off; each has a warmer rewrite that keeps the meaning
 * (data: dictionaries/en/cold-phrases.json). A sentence that opens by pointing at the rules ("Per our
 * billing policy, …", "Per the rental agreement you signed, …") is found by its shape, whatever words
 * name the rules, and the fix drops the lead.
 */
import data from '../../../../dictionaries/en/cold-phrases.json';
import { defineDetector, type RawFinding } from '../../detector';
import { NO_OPTIONS } from '../../options';
import { enSentences } from '../../document';
import { PhraseSet } from '../../../lang/phrases';
import { replacePhrase } from '../../reply/en';
import { policyLead } from '../../../lang/en/predicates';

const set = new PhraseSet(data.phrases.map((p) => p.phrase));
const rewrites = new Map(data.phrases.map((p) => [p.phrase.toLowerCase(), p.rewrite]));
/** Stiff rather than hurtful ("at this time", "thank you for your understanding"): a tip, never a held Send. */
const MILD = new Set(data.phrases.filter((p) => 'mild' in p && p.mild).map((p) => p.phrase.toLowerCase()));

/** Keeps the case of the first letter (sentence-initial "Kindly" → "Please"). */
export function matchCase(original: string, replacement: string): string {
  const first = original[0];
  if (first && first !== first.toLowerCase()) return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}

/** "You must be frustrated" is empathy, not an order: "must be/have" after "you" is not cold. */
function isEmpathicMust(sentence: string, hitEnd: number, phrase: string): boolean {
  return /must$/i.test(phrase) && /^\s+(?:be|have been|feel)\b/i.test(sentence.slice(hitEnd));
}

/**
 * A form letter's receipt: "Your inquiry has been received and noted.", "Your concern has been noted." —
 * the message logged, nobody speaking. Found by shape, whatever the message is called; only when the clause
 * ends there, so that removing it leaves a sentence ("… has been received and forwarded to …" is not cut).
 */
const RECEIPT = /^\s*(?:your|this)\s+(?:\w+\s+)?(?:inquiry|enquiry|request|message|email|e-mail|concern|feedback|complaint|ticket|case|letter|claim|submission)\s+(?:has|have)\s+been\s+(?:duly\s+)?(?:received|noted|logged|registered|acknowledged|recorded)(?:\s+and\s+(?:noted|logged|recorded|acknowledged))?(?=\s*[.;!,]|\s*$)/i;
/** "per club policy", "as per our refund policy", "according to our policy": the rules cited inside a sentence. */
const POLICY_TAG = /\b(?:(?:as\s+)?per|according\s+to)\s+(?:[a-z]+\s+){0,2}polic(?:y|ies)\b/i;

export default defineDetector({
  meta: {
    id: 'en/cold-phrase',
    kind: 'warmth',
    languages: ['en'],
    markets: ['us'],
    defaultLevel: 'warn',
    fixable: true,
    schema: NO_OPTIONS,
    holdsSend: true,
    description: {
      en: 'Bureaucratic or cold phrases that US customers read as a brush-off, with warmer rewrites.',
      ja: '米国のお客様に冷たく事務的に響く表現を、意味を保ったまま温かい表現に書き換えます。',
    },
    messages: {
      cold: {
        en: '“{phrase}” sounds cold and bureaucratic; try “{rewrite}”.',
        ja: '「{phrase}」は冷たく事務的に聞こえます。「{rewrite}」を検討してください。',
      },
      coldRemove: {
        en: '“{phrase}” sounds cold and bureaucratic; the sentence reads warmer without it.',
        ja: '「{phrase}」は冷たく事務的に聞こえます。削除すると温かい文になります。',
      },
      rewrite: { en: 'Say “{rewrite}”', ja: '「{rewrite}」に書き換える' },
      remove: { en: 'Remove “{phrase}”', ja: '「{phrase}」を削除' },
      reason: {
        en: 'US customers expect a friendly, personal tone; policy language and blame make them feel processed rather than helped.',
        ja: '米国のお客様は親しみやすく個人的な語り口を期待します。規則を盾にした表現や責める言い方は、助けてもらえず事務的に処理されたと感じさせます。',
      },
    },
  },
  detect({ doc }) {
    const findings: RawFinding[] = [];
    for (const s of enSentences(doc)) {
      // Policy distance (the rules recited): drop the words and let the sentence speak ("Refunds take 10 days.").
      const remove = (start: number, end: number, phrase: string, mild: boolean) => {
        const edit = replacePhrase(doc, s, start, end, '');
        findings.push({ start, end, ...(mild ? { mild: true } : {}), message: 'coldRemove', data: { phrase }, fixes: [{ label: 'remove', data: { phrase }, edits: [edit] }] });
      };
      // "Per our billing policy, invoices …" opens the sentence; "…, per club policy." sits inside it — found
      // by shape, whatever words name the rules.
      const lead = policyLead(s.text);
      const tag = lead ? undefined : POLICY_TAG.exec(s.text);
      const receipt = lead || tag ? undefined : RECEIPT.exec(s.text);
      const found = tag ?? receipt;
      const rules = lead ?? (found ? { start: found.index + found[0].length - found[0].trimStart().length, end: found.index + found[0].length } : undefined);
      if (rules) remove(s.start + rules.start, s.start + rules.end, s.text.slice(rules.start, rules.end), false);
      for (const hit of set.findAll(s.text)) {
        if (rules && hit.start < rules.end && hit.end > rules.start) continue;
        if (isEmpathicMust(s.text, hit.end, hit.phrase)) continue;
        const start = s.start + hit.start;
        const end = s.start + hit.end;
        const key = hit.phrase.toLowerCase().replace(/’/g, "'");
        const target = rewrites.get(key) ?? hit.phrase;
        if (target === '') {
          remove(start, end, hit.phrase, MILD.has(key));
          continue;
        }
        const rewrite = matchCase(hit.phrase, target);
        findings.push({
          start,
          end,
          ...(MILD.has(key) ? { mild: true } : {}),
          message: 'cold',
          data: { phrase: hit.phrase, rewrite },
          fixes: [{ label: 'rewrite', data: { rewrite }, edits: [{ start, end, text: rewrite }] }],
        });
      }
    }
    return findings;
  },
});
