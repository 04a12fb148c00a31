/**
 * en/passive-ownership — "Mistakes were made", "Your order was cancelled": a past passive with no
 * "by …" hides who acted, which US customers read as dodging responsibility. The fix says it actively
 * with "we" ("We cancelled your order"), keeping any adverb ("was accidentally cancelled" → "we
 * accidentally cancelled"). Only things a support team does count (dictionaries/en/ownership.json);
 * future and present passives ("will be refunded") are promises and states, not dodges. An outcome the
 * customer asked for ("your refund was processed") is only a mild tip (info): it hides no failure.
 * A refusal in the passive ("your request cannot be granted") hides who says no: a mild tip to own it
 * ("we can't grant your request"); en/refusal-without-alternative judges whether the no is bare.
 */
import data from '../../../../dictionaries/en/ownership.json';
import caseData from '../../../../dictionaries/en/case.json';
import { defineDetector, type RawFinding } from '../../detector';
import { NO_OPTIONS } from '../../options';
import { enSentences } from '../../document';
import { capitalize } from '../../reply/en';
import { conditionToMeet, isFirstPersonSubject } from '../../../lang/en/predicates';
import type { EnPassive, EnTerm } from '../../../lang/en/types';

const PAST: Record<string, string> = data.participles;
/** Outcomes the customer wanted: the passive hides no failure, so the finding is a mild tip. */
const FAVOURABLE = new Set(data.favourable);
/** "Nothing else was changed", "No data was lost": a negated subject reports that nothing happened. */
const NEGATIVE_SUBJECTS = new Set(['nothing', 'no', 'none', 'nobody', 'neither']);
const MAX_SUBJECT_WORDS = 6;
const SUBJECT_TAGS = ['Determiner', 'Possessive', 'Adjective', 'Noun', 'Pronoun', 'Value', 'Acronym'];
const OBJECT_PRONOUN: Record<string, string> = { he: 'him', she: 'her', they: 'them', it: 'it', you: 'you' };
/**
 * Words that make what follows an echo of the customer's report, not the agent's account: "I can see
 * you were charged twice", "It sounds like you were logged out", "So you were billed twice — …",
 * "You're right: you were charged twice" — or sympathises with it as they lived it: "I'm sorry you got
 * locked out".
 */
const ECHO_FRAME = new Set(['sorry', 'see', 'saw', 'seen', 'understand', 'noticed', 'notice', 'like', 'so', 'mentioned', 'said', 'says', 'hear', 'heard', 'read', 'right', 'correct', 'confirm', 'confirmed']);

/** Whether the passive's subject is "you" and the clause echoes what the customer reported. */
function echoesCustomer(terms: readonly EnTerm[], subject: Subject): boolean {
  // "You're right: you were charged twice", "made it sound like you'd already been billed".
  // (The subject found may take in the words before "you": "sorry you", "the interest you".)
  const you = subject.words[subject.words.length - 1]!;
  if (you.normal.replace(/['’][a-z]+$/, '') !== 'you') return false;
  const at = terms.indexOf(you);
  for (let i = at - 1; i >= 0 && i >= at - 3; i--) {
    const t = terms[i]!;
    if (t.text === '') continue;
    if (ECHO_FRAME.has(t.normal)) return true;
    if (t.normal !== 'that' && t.normal !== 'just' && t.normal !== 'can') return false;
  }
  return false;
}

/** "the interest you were charged", "the fee you were billed": "you" right after a noun. */
function reducedRelative(terms: readonly EnTerm[], subject: Subject): boolean {
  const you = subject.words[subject.words.length - 1]!;
  if (subject.words.length < 2 || you.normal !== 'you') return false;
  let at = terms.indexOf(you) - 1;
  while (at >= 0 && terms[at]!.text === '') at--;
  const before = terms[at];
  return before !== undefined && before.tags.includes('Noun') && !before.tags.includes('Pronoun');
}

/** The clause before the passive opens with a negated subject ("Nothing in the entry has been flagged"). */
function negatedHead(terms: readonly EnTerm[], passive: EnPassive): boolean {
  for (let i = terms.findIndex((t) => t.start >= passive.start) - 1; i >= 0; i--) {
    const t = terms[i]!;
    if (NEGATIVE_SUBJECTS.has(t.normal)) return true;
    if (!t.tags.some((tag) => SUBJECT_TAGS.includes(tag) || tag === 'Preposition') || t.text === '') return false;
  }
  return false;
}

/** Right before the verb group: a proper name after at / from / with / by ("… at Eastside Imaging was billed"). */
function namesOtherParty(terms: readonly EnTerm[], passive: EnPassive): boolean {
  let i = terms.findIndex((t) => t.start === passive.start && t.text !== '') - 1;
  let proper = 0;
  while (i >= 0 && terms[i]!.tags.includes('ProperNoun')) {
    proper++;
    i--;
  }
  return proper > 0 && i >= 0 && /^(?:at|from|with|by)$/.test(terms[i]!.normal);
}

/** What can befall a thing without anyone deciding it: a named cause is then the whole account. */
const BEFALLS = new Set(['delayed', 'held', 'lost', 'misplaced', 'misrouted', 'dropped', 'missed', 'damaged']);

/** The rest of the clause names what did it ("due to the storm", "because the card expired"). */
function namesCause(rest: string): boolean {
  const clause = rest.split(/[.;:!?]/)[0]!.toLowerCase();
  return /\b(?:due to|because|owing to|as a result of|caused by)\b/.test(clause);
}

/** A refusal in the passive ("cannot be granted", "won't be refunded"): the active's negated modal. */
function refusalAuxiliary(words: readonly string[]): string | undefined {
  const aux = words.join(' ');
  if (aux === 'can be') return " can't";
  if (aux === 'could be') return " couldn't";
  if (aux === 'will be') return " won't";
  return undefined;
}

/** Verbs the case reading knows (remedies and what can be refused): where a participle's plain form is looked up. */
const KNOWN_VERBS = new Set([...caseData.remedy, ...caseData.refusable]);

/** The plain form of a participle when the tagger gives none: processed → process, issued → issue, shipped → ship. */
export function baseOf(participle: string): string {
  const candidates = [participle.replace(/ied$/, 'y'), participle.replace(/ed$/, ''), participle.replace(/d$/, ''), participle.replace(/([a-z])\1ed$/, '$1')];
  return candidates.find((c) => c !== participle && KNOWN_VERBS.has(c)) ?? participle.replace(/d$/, '');
}

/** Which auxiliaries make the active form: simple past, present perfect or past perfect. */
function activeAuxiliary(words: readonly string[]): string | undefined {
  const aux = words.join(' ');
  if (/^(?:was|were|got)$/.test(aux)) return '';
  if (/^(?:has|have) been$/.test(aux)) return "'ve";
  if (/^had been$/.test(aux)) return ' had';
  return undefined;
}

interface Subject {
  start: number;
  end: number;
  text: string;
  words: EnTerm[];
}

/** The subject noun phrase right before the verb group ("Your order", "Mistakes", "It" of "It's"). */
function subjectOf(terms: readonly EnTerm[], sentence: string, passive: EnPassive): Subject | undefined {
  let auxIndex = terms.findIndex((t) => t.start === passive.start && t.text !== '');
  while (auxIndex > 0 && terms[auxIndex - 1]!.text === '') auxIndex--; // the hidden "has" of "it's been"
  if (auxIndex <= 0) return undefined;
  const words: EnTerm[] = [];
  let i = auxIndex - 1;
  for (; i >= 0 && words.length < MAX_SUBJECT_WORDS; i--) {
    const t = terms[i]!;
    const next = terms[i + 1]!;
    if (next.text !== '' && /[,;:—–(]/.test(sentence.slice(t.end, next.start))) break;
    if (!t.tags.some((tag) => SUBJECT_TAGS.includes(tag)) || t.text === '') break;
    // No adjective stands before a determiner or possessive: "I'm sorry your order was cancelled" stops at
    // "your" (but "all the orders" keeps "all").
    if (words[0] && (words[0].tags.includes('Determiner') || words[0].tags.includes('Possessive')) && t.tags.includes('Adjective') && !t.tags.includes('Determiner')) break;
    words.unshift(t);
  }
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last) return undefined;
  // "Your request for a fee reversal cannot be granted": the words found are the object of a preposition,
  // not the whole subject — no clean subject to rewrite.
  if (i >= 0 && terms[i]!.tags.includes('Preposition') && !/[,;:—–(]/.test(sentence.slice(terms[i]!.end, first.start))) return undefined;
  // A fused auxiliary leaves its clitic on the subject: "order's", "It's" → "order", "It".
  const end = passive.contracted ? last.start + last.text.replace(/['’][a-z]+$/i, '').length : last.end;
  return { start: first.start, end, text: sentence.slice(first.start, end), words };
}

/**
 * Whether a coordinated verb after the passive shares its subject ("was processed and should arrive",
 * "was cancelled but is now restored"): making "we" the subject would make "we" arrive.
 */
function sharesSubject(terms: readonly EnTerm[], sentence: string, passive: EnPassive): boolean {
  const after = terms.filter((t) => t.start >= passive.end && t.text !== '');
  const conj = after[0];
  if (!conj || !/^(?:and|but|or)$/.test(conj.normal)) return false;
  if (/[.;:!?]/.test(sentence.slice(passive.end, conj.start))) return false;
  const next = after[1];
  return next !== undefined && next.tags.includes('Verb');
}

/** The subject as the object of the active sentence: "Your order" → "your order", "It" → "it", "They" → "them". */
function asObject(subject: Subject): string {
  const only = subject.words.length === 1 ? subject.text.toLowerCase() : undefined;
  if (only && OBJECT_PRONOUN[only]) return OBJECT_PRONOUN[only]!;
  const first = subject.words[0]!;
  if (first.tags.includes('ProperNoun') || first.tags.includes('Acronym')) return subject.text;
  return subject.text.charAt(0).toLowerCase() + subject.text.slice(1);
}

export default defineDetector({
  meta: {
    id: 'en/passive-ownership',
    kind: 'ownership',
    languages: ['en'],
    markets: ['us'],
    defaultLevel: 'warn',
    fixable: true,
    schema: NO_OPTIONS,
    holdsSend: false,
    description: {
      en: 'Passive voice that hides who acted (“the order was cancelled”) → active “we”.',
      ja: '誰が行ったかを隠す受動態（「注文はキャンセルされました」）を、「私たちが」を主語にした能動態にします。',
    },
    messages: {
      passive: {
        en: '“{passive}” hides who did it; say it actively: “{active}”.',
        ja: '「{passive}」は誰が行ったかを隠しています。能動態で「{active}」と書きましょう。',
      },
      passiveNoFix: {
        en: '“{passive}” hides who did it; say who did it (“we …”).',
        ja: '「{passive}」は誰が行ったかを隠しています。主語（we など）を明示しましょう。',
      },
      refusal: {
        en: '“{passive}” hides who says no; own it: “{active}”.',
        ja: '「{passive}」は誰が断っているのかを隠しています。「{active}」と主語を示しましょう。',
      },
      rewrite: { en: 'Say “{active}”', ja: '「{active}」に書き換える' },
      reason: {
        en: 'US customers expect ownership: “we cancelled your order” takes responsibility, while “your order was cancelled” sounds like nobody did it and nobody will fix it.',
        ja: '米国のお客様は当事者意識を期待します。「キャンセルしました」と主語を示すと責任を引き受ける姿勢が伝わり、受動態は「誰も責任を取らない」印象を与えます。',
      },
    },
  },
  detect({ doc }) {
    const findings: RawFinding[] = [];
    for (const s of enSentences(doc)) {
      for (const p of s.en.passives) {
        if (p.hasAgent) continue;
        const participle = p.participle.toLowerCase();
        const past = PAST[participle];
        if (past === undefined) continue;
        const negated = s.en.negations.some((n) => n.start >= p.start && n.end <= p.end);
        // Only what the customer wants can be refused: "cannot be refunded" is a no, "you won't be charged" good news.
        // ("cannot be processed until the form is received" is a condition to meet, not a no.)
        const condition = conditionToMeet(s.text.slice(p.end));
        const refusal = negated && FAVOURABLE.has(participle) && !condition ? refusalAuxiliary(p.auxiliaryWords) : undefined;
        const aux = negated ? refusal : activeAuxiliary(p.auxiliaryWords);
        if (aux === undefined) continue;
        const subject = subjectOf(s.en.terms, s.text, p);
        if (subject && subject.words.length === 1 && isFirstPersonSubject(subject.text.toLowerCase())) continue;
        if (subject && NEGATIVE_SUBJECTS.has(subject.words[0]!.normal)) continue;
        // "nothing in the entry has been flagged", "No files were lost": a negated head.
        if (negatedHead(s.en.terms, p)) continue;
        if (subject && echoesCustomer(s.en.terms, subject)) continue;
        // "That cut the interest you were charged by $10.20": a clause naming an amount (a reduced relative
        // on the noun before "you"), not an account of what happened.
        if (subject && reducedRelative(s.en.terms, subject)) continue;
        // "We froze your card. That's why it was declined at the store.": the one who acted was just named.
        if (/\b(?:that|this|which)(?:['’]s|\s+is|\s+was)\s+why\b/i.test(s.text.slice(0, p.start))) continue;
        // "Your flight was delayed because of the storm": what did it is named, nobody is hidden — for what
        // befalls a thing (delayed, lost), not for what someone decides ("suspended due to unusual activity").
        if (BEFALLS.has(participle) && namesCause(s.text.slice(p.end))) continue;
        // "The photo was taken indoors": a picture is taken by whoever holds the camera, not by us.
        if (participle === 'taken' && subject && /^(?:photos?|pictures?|images?|videos?|screenshots?|shots?)$/.test(subject.words[subject.words.length - 1]!.normal)) continue;
        // "… once they have been issued", "until it is processed": a condition in general, not an account.
        if (/\b(?:once|after|when|until|before|if|unless)\s+$/i.test(s.text.slice(0, subject?.start ?? p.start))) continue;
        const mild = FAVOURABLE.has(participle) || refusal ? { mild: true } : {};
        // "Your MRI on February 3 at Eastside Imaging was billed at …": the subject names another party
        // (a proper name after at / from / with) — the one who acted, not us.
        if (!subject && namesOtherParty(s.en.terms, p)) continue;
        const passiveText = s.text.slice(subject?.start ?? p.start, p.end);
        if (!subject || sharesSubject(s.en.terms, s.text, p)) {
          // No clean subject to turn into an object, or a second verb leans on the same subject
          // ("The refund has been processed and should arrive soon"): say what is wrong, no rewrite.
          const start = s.start + (subject?.start ?? p.start);
          findings.push({ start, end: s.start + p.end, message: 'passiveNoFix', data: { passive: passiveText }, ...mild });
          continue;
        }
        // Adverbs inside the verb group stay with the verb: "was accidentally cancelled".
        const adverbs = s.en.terms
          .filter((t) => t.start > p.start && t.end < p.end && t.tags.includes('Adverb'))
          .map((t) => `${t.text} `)
          .join('');
        const base = s.en.terms.find((t) => t.start >= p.start && t.end === p.end);
        const verb = refusal ? (base?.root ?? baseOf(participle)) : aux === '' ? past : p.participle;
        let active = `we${aux} ${adverbs}${verb} ${asObject(subject)}`;
        const atSentenceStart = s.text.slice(0, subject.start).trim() === '';
        if (atSentenceStart) active = capitalize(active);
        const start = s.start + subject.start;
        const end = s.start + p.end;
        findings.push({
          start,
          end,
          ...mild,
          message: refusal ? 'refusal' : 'passive',
          data: { passive: passiveText, active },
          fixes: [{ label: 'rewrite', data: { active }, edits: [{ start, end, text: active }] }],
        });
      }
    }
    return findings;
  },
});
