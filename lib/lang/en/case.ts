/**
 * What one English sentence says about the case, read off compromise's terms and lemmas (the `root` of
 * each term, so "crashed", "crashes" and "crashing" are one word): whether it reports a problem (and is
 * not negated: "no issues at all" is none), a question, thanks, an upset customer; whether it refuses
 * ("cannot be refunded", "is denied"), resolves ("I've refunded"), promises with or without a date
 * ("I'll update you by Friday"), names an owner ("I'll personally …"), explains a cause ("because",
 * "caused by", "we found that") or blames the customer ("caused by your network configuration").
 * Word classes: dictionaries/en/case.json. lib/engine/case/en.ts assembles the sentences into a reading.
 */
import data from '../../../dictionaries/en/case.json';
import { PhraseIndex, tokenize } from './phrase-index';
import type { EnSentence, EnTerm } from './types';
import { conditionToMeet } from './predicates';

/** A span relative to the sentence. */
export interface Hit {
  start: number;
  end: number;
}

export interface EnSentenceCase {
  /** A how-to question ("How do I …?", "Where can I find …?", "Is there a way to …?"). */
  howTo?: boolean;
  /** The question asks us for a remedy: "Can you refund them?", "Could you waive the fee?". */
  asksRemedy?: boolean;
  /** The writer owns up to a slip of their own ("I typed my address wrong", "my mistake", "I forgot to"). */
  ownSlip?: boolean;
  /** The problem is only that the writer cannot find something ("I can't find the setting"). */
  seeking?: boolean;
  /** A suggestion or feature request ("Suggestion: …", "Would love a …", "Please add …"). */
  suggestion?: boolean;
  problem?: Hit;
  /** The problem is over ("the problem is solved", "the error has been fixed"). */
  fixed?: boolean;
  question: boolean;
  thanks: boolean;
  /** Emotion words, repeated contact, "!!", shouting: the writer is upset (read with `problem`). */
  upsetCue: boolean;
  refusal?: Hit;
  alternative?: Hit;
  /** A remedy done: "I've refunded", "your refund was processed", "Done —". */
  resolved?: Hit;
  /**
   * A promise of what happens next; `dated` when a date, time or deadline goes with it; `vague` when,
   * undated, it only promises news ("we'll look into it", "we'll keep you posted") — no next step.
   */
  /** A promise; `onCustomer` when it waits on the customer's move ("Reply …, and we'll set it up"). */
  commitment?: Hit & { dated: boolean; vague?: boolean; onCustomer?: boolean };
  /** The writer takes the case on personally ("I'll …", "I've …", "My name is …"). */
  owner?: Hit;
  /** The case is handed to someone else ("our engineering team is looking into it"). */
  handoff?: Hit;
  cause?: Hit;
  blame?: Hit;
  apology?: Hit;
  /** A request for the reader to do something ("Please reset your password"). */
  request?: Hit;
}

const set = (list: readonly string[]) => new Set(list);
const PROBLEM = set(data.problem);
/** A complaint asked as a question: "How is that even possible?", "How could this happen?". */
const RHETORICAL = /\bhow\s+(?:is|was|could|can|did|does|would)\s+(?:that|this|it)\s+(?:even\s+|possibly\s+)?(?:possible|happen|happened|allowed|acceptable|okay|ok|fair|legal)\b/i;
/** "my save file is gone", "our photos were all gone": a thing of theirs lost. */
const THEIRS_GONE = /\b(?:my|our)\s+(?:\S+\s+){0,4}?(?:is|are|was|were)\s+(?:all\s+|just\s+|completely\s+|totally\s+)?gone\b/i;
/** A document one asks a copy of: "a duplicate title", "Duplicate Certificate" is a request, not a double charge. */
const COPY_OF = /^\s+(?:title|certificate|licen[cs]e|registration|receipt|diploma|transcript|key|card|copy|tag|plate|sticker|statement)s?\b/i;
const FUNCTION = set(data.function);
const EMOTION = set(data.emotion);
const UPSET = set(data.upsetMarkers);
const REMEDY = set(data.remedy);
const VERDICT = set(data.verdict);
const REFUSABLE = set([...data.remedy, ...data.refusable]);
const COGNITION = set(data.cognition);
const BLAME_NOUNS = set(data.blameNouns);
const BLAME_VERBS = set(data.blameVerbs);
const COMMIT = set(data.commitment);
const KEEP_INFORMED = set(data.keepInformed);
const HANDOFF = set(data.handoff);
const CAUSES = new PhraseIndex<true>(data.causePhrases.map((p): [string, true] => [p, true]));
const ALTERNATIVES = new PhraseIndex<true>(data.alternative.map((p): [string, true] => [p, true]));
const GRATITUDE = set(['thank', 'thanks', 'appreciate', 'grateful', 'thx', 'ty', 'kudos']);
const APOLOGY = set(['sorry', 'apologize', 'apologise', 'apology', 'apologies', 'regret']);
const NEGATORS = set(['not', 'no', 'never', 'without', 'nothing', 'nobody', 'none', 'cannot', 'neither', 'nor', 'zero']);
const QUESTION_OPENERS = set(['what', 'when', 'where', 'why', 'how', 'which', 'who', 'can', 'could', 'would', 'will', 'do', 'does', 'did', 'is', 'are', 'am', 'should', 'may', 'have', 'has']);
const FIRST_SINGULAR = set(['i', "i'm", "i've", "i'll", "i'd", 'i’m', 'i’ve', 'i’ll', 'i’d']);
const FIRST_PLURAL = set(['we', "we're", "we've", "we'll", "we'd", 'we’re', 'we’ve', 'we’ll', 'we’d']);
const SECOND = set(['you', "you've", "you'd", "you're", "you'll", 'you’ve', 'you’d', 'you’re', 'you’ll']);
/** "by" + these is a deadline ("by Friday", "by end of day", "by 5 p.m."). */
const DEADLINE_HEADS = set(['today', 'tomorrow', 'tonight', 'noon', 'midnight', 'end', 'the', 'close', 'next', 'this', 'eod', 'cob']);
const CLOCK = /^\d{1,2}(?::\d{2})?$/;

const has = (t: EnTerm, tag: string) => t.tags.includes(tag);
const WORDY = /[A-Z0-9]/i;

/** The lemma: compromise's root, the contraction's expansion, or the word itself, with -ed/-ing/-s stripped when that names a known word. */
export function lemmaOf(t: EnTerm): string {
  return t.root ?? t.implicit ?? t.normal.replace(/’/g, "'");
}

/** Whether the term's lemma, or a simple stem of it ("denied" → "deny", "cancelled" → "cancel"), is in the class. */
export function inClass(t: EnTerm, cls: ReadonlySet<string>): boolean {
  const lemma = lemmaOf(t);
  if (cls.has(lemma) || cls.has(t.normal)) return true;
  for (const stem of stems(t.normal)) if (cls.has(stem)) return true;
  return false;
}

function stems(word: string): string[] {
  const out: string[] = [];
  const m = /^(.{2,}?)(ied|ies|ed|ing|es|s|d)$/.exec(word);
  if (!m) return out;
  const base = m[1]!;
  if (m[2] === 'ied' || m[2] === 'ies') out.push(`${base}y`);
  out.push(base, `${base}e`);
  if (/([bcdfglmnprstz])\1$/.test(base)) out.push(base.slice(0, -1));
  return out;
}

const isNegator = (t: EnTerm) => has(t, 'Negative') || NEGATORS.has(t.normal) || /n['’]t$/.test(t.normal);

/** Words the analysis walks: written terms plus the hidden halves of contractions ("n't", "will"). */
function clauseBreak(sentence: string, a: EnTerm, b: EnTerm): boolean {
  if (b.text === '') return false;
  return /[,;:—–()]|\s-\s/.test(sentence.slice(a.end, b.start)) || /^(?:but|and|so|because|although|though|while|which|that)$/.test(b.normal);
}

/** A negation up to four words before term i, in the same clause ("never arrived", "can't log in", "no issues"). */
export function isNegatedAt(terms: readonly EnTerm[], i: number, sentence: string): boolean {
  if (isNegator(terms[i]!)) return true;
  for (let k = i - 1, n = 0; k >= 0 && n < 4; k--) {
    const t = terms[k]!;
    if (k + 1 <= i && clauseBreak(sentence, t, terms[k + 1]!)) return false;
    if (isNegator(t)) return true;
    if (t.text !== '') n++;
  }
  return false;
}

/** The subject before the verb group ending at term i: a pronoun or noun, skipping auxiliaries, adverbs and negations. */
export function subjectBefore(terms: readonly EnTerm[], i: number): EnTerm | undefined {
  for (let k = i - 1; k >= 0; k--) {
    const t = terms[k]!;
    if (t.text === '' || has(t, 'Auxiliary') || has(t, 'Modal') || has(t, 'Adverb') || has(t, 'Negative') || has(t, 'Copula')) continue;
    if (/^(?:able|unable|to|going|gonna|also|just|already|now|personally|then|therefore|simply)$/.test(t.normal)) continue;
    if (has(t, 'Pronoun') || has(t, 'Noun')) return t;
    return undefined;
  }
  return undefined;
}

/**
 * The subject of a verb whose own subject is left out after "and"/"but" ("That role can see invoices but
 * can't change your plan" → "role"): the subject of the verb before the conjunction.
 */
function elidedSubject(terms: readonly EnTerm[], i: number): EnTerm | undefined {
  let k = i - 1;
  while (k >= 0 && (terms[k]!.text === '' || has(terms[k]!, 'Auxiliary') || has(terms[k]!, 'Modal') || has(terms[k]!, 'Negative') || has(terms[k]!, 'Adverb'))) k--;
  if (k < 0 || !/^(?:but|and|or|yet)$/.test(terms[k]!.normal)) return undefined;
  // The verb itself, not a phrasal particle compromise also tags Verb ("went ahead and …").
  for (let v = k - 1; v >= 0; v--) if (has(terms[v]!, 'Verb') && !has(terms[v]!, 'Auxiliary') && !has(terms[v]!, 'Modal') && !has(terms[v]!, 'Particle')) return subjectBefore(terms, v);
  return undefined;
}

/** People who act for us: "our returns team", "our billing department", "our technician". */
const TEAM = /^(?:team|teams|crew|crews|department|staff|agents?|technicians?|engineers?|specialists?|group|desk|office|folks|people|manager|supervisor|pharmacists?)$/;

/** "our returns team issued …", "our billing department reversed …": people of our side (not "our schedule is booked"). */
function ourPeople(terms: readonly EnTerm[], subject: EnTerm | undefined): boolean {
  if (!subject || !TEAM.test(subject.normal)) return false;
  const at = terms.indexOf(subject);
  return terms.slice(Math.max(0, at - 3), at).some((t) => t.normal === 'our');
}

/** The whole head of a subject: "neither of us" for the "us" of "neither of us can …". */
function subjectHead(terms: readonly EnTerm[], subject: EnTerm | undefined): EnTerm | undefined {
  if (!subject || subject.normal !== 'us') return subject;
  const at = terms.indexOf(subject);
  return terms[at - 1]?.normal === 'of' && /^(?:neither|none|one|both|all)$/.test(terms[at - 2]?.normal ?? '') ? terms[at - 2] : subject;
}

function subjectKind(t: EnTerm | undefined): 'i' | 'we' | 'you' | 'other' | undefined {
  if (!t) return undefined;
  const n = t.normal;
  if (FIRST_SINGULAR.has(n)) return 'i';
  if (FIRST_PLURAL.has(n)) return 'we';
  if (SECOND.has(n)) return 'you';
  // "neither of us can extend it", "none of us": us as the head of the subject.
  if (n === 'us') return 'we';
  return 'other';
}

/** The verb group before term i holds a modal of ability or future ("can", "will", "able to", "possible"). */
function modalBefore(terms: readonly EnTerm[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 5; k--) {
    const t = terms[k]!;
    const w = t.implicit ?? t.normal;
    if (/^(?:can|cannot|could|will|would|able|possible|won't|can't|couldn't|wouldn't|shall|may|eligible)$/.test(w) || /^(?:can|could|will|would|wo)n['’]t$/.test(w)) return true;
    if (has(t, 'Noun') && !has(t, 'Pronoun')) return false;
  }
  return false;
}

/** A modal matching `re` in the verb group before term i. */
function hasModal(terms: readonly EnTerm[], i: number, re: RegExp): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const t = terms[k]!;
    if (has(t, 'Modal') && re.test(t.implicit ?? t.normal)) return true;
    if (!(has(t, 'Adverb') || has(t, 'Modal') || has(t, 'Auxiliary') || t.text === '')) return false;
  }
  return false;
}

function span(t: EnTerm, u: EnTerm = t): Hit {
  return { start: t.start, end: Math.max(t.end, u.end) };
}

/** A date, time or deadline in the sentence: compromise's Date/Time/Duration terms, "within …", "by Friday", a clock time. */
export function hasDate(terms: readonly EnTerm[]): boolean {
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    if (/^(?:yesterday|ago|last)$/.test(t.normal)) continue;
    // "failing since Friday": a time gone by, from which something has lasted — no date ahead.
    if (terms[i - 1]?.normal === 'since' || (terms[i - 1]?.normal === 'last' && terms[i - 2]?.normal === 'since')) continue;
    if (has(t, 'Date') || has(t, 'Time') || has(t, 'Duration') || has(t, 'WeekDay') || has(t, 'Month')) return true;
    if (t.normal === 'within' || t.normal === 'overnight') return true;
    if (t.normal === 'by' && terms[i + 1] && (DEADLINE_HEADS.has(terms[i + 1]!.normal) || CLOCK.test(terms[i + 1]!.normal))) return true;
    if (/^(?:today|tomorrow|tonight|noon|asap)$/.test(t.normal) && t.normal !== 'asap') return true;
    // "on the 11th", "by the 3rd": a day of the month.
    if (/^\d{1,2}(?:st|nd|rd|th)$/.test(t.normal) && /^(?:the|on|by|before|until)$/.test(terms[i - 1]?.normal ?? '')) return true;
  }
  return false;
}

function isPastLike(terms: readonly EnTerm[], i: number): boolean {
  const t = terms[i]!;
  if (has(t, 'PastTense') || has(t, 'Participle') || has(t, 'Perfect')) return true;
  // "I reset it just now", "we put it through this morning": a verb whose past is its plain form, told
  // with a time gone by (the tagger reads it as present).
  if (SAME_FORM_PAST.has(t.normal)) {
    for (let k = i + 1; k < terms.length && k <= i + 5; k++) {
      const u = terms[k]!.normal;
      if (/^(?:ago|earlier|already|yesterday)$/.test(u) || (u === 'now' && terms[k - 1]!.normal === 'just')) return true;
    }
  }
  return has(t, 'Adjective') && /(?:ed|en|t)$/.test(t.normal);
}

/** Verbs whose simple past is their plain form. */
const SAME_FORM_PAST = set(['reset', 'set', 'put', 'cut', 'shut', 'refit', 'reput', 'upset']);

function isFuture(terms: readonly EnTerm[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    const w = terms[k]!.implicit ?? terms[k]!.normal;
    if (w === 'will' || w === 'shall' || w === "'ll" || w === 'gonna' || (w === 'going' && terms[k + 1]?.normal === 'to')) return true;
    if (w === 'should' && /^(?:arrive|reach|see|receive|get|land|show)$/.test(lemmaOf(terms[i]!))) return true;
  }
  return false;
}

/** How a suggestion opens: "Suggestion:", "Feature request:", "Would love a …", "It would be great if …", "Please add …". */
const SUGGESTION = /^\W*(?:(?:suggestion|feature\s+request|idea|request)\s*:|would\s+love\b|it\s+would\s+be\s+(?:great|nice|awesome|helpful|amazing)\s+if\b|(?:could|can)\s+you\s+(?:please\s+)?add\b|please\s+add\b|you\s+should\s+(?:add|make|offer)\b)/i;

/** Verbs that foretell a consequence rather than promise an act ("will result in closure", "will lead to a fee"). */
const CONSEQUENCE = set(['result', 'lead', 'cause', 'mean', 'incur', 'lapse', 'expire', 'apply']);

/** "Once we delete the account, …", "After the account is closed, …": a sentence about an undoable step. */
const IRREVERSIBLE = /^\s*(?:once|after)\b[^,.;]{1,60}\b(?:delete[sd]?|deleting|close[sd]?|erase[sd]?|remove[sd]?|wipe[sd]?|purge[sd]?)\b/i;

/** A hedge word ("probably", "maybe", "hopefully"): what follows is not promised or offered for sure. */
export const HEDGE = /\b(?:probably|maybe|possibly|hopefully|perhaps)\b/i;
/** A promise said with a hedge: a hedge word, "hoping", "try to". */
const hedgedPromise = (text: string) => HEDGE.test(text) || /\bhoping\b|\btry(?:ing)?\s+to\b/i.test(text);

/** Records kept inside the company: adding one to the file fixes nothing for the customer. */
const RECORDS = set(['note', 'notes', 'comment', 'comments', 'flag', 'memo', 'remark', 'tag']);

/**
 * "I've added a note to your order", "I left a comment on the ticket": the verb puts a record of ours on
 * the file (removing the late flag, by contrast, is the remedy).
 */
function bookkeeping(terms: readonly EnTerm[], i: number): boolean {
  if (!/^(?:add|leave|put|place|make|log|file)$/.test(lemmaOf(terms[i]!))) return false;
  for (let k = i + 1; k < terms.length && k <= i + 4; k++) {
    const t = terms[k]!;
    if (t.text === '' || has(t, 'Determiner') || has(t, 'Possessive') || has(t, 'Adjective')) continue;
    return RECORDS.has(t.normal);
  }
  return false;
}

/** "and no tree", "still no refund", "but no reply" — not "no problem", "no worries", "no rush". */
const STILL_NONE = /\b(?:and|but|still|yet)\s+no\s+(?!problems?\b|issues?\b|worries\b|worry\b|rush\b|need\b|charge\b|fee\b|hurry\b|complaints?\b|matter\b|way\b)[a-z]+/i;

/** Services a home or business cannot do without. */
const ESSENTIAL = String.raw`(?:gas|power|electricity|heat|heating|hot\s+water|water|internet|wi-?fi|phone\s+service|cell\s+service|service|signal|dial\s+tone|cable|lights)`;
const SERVICE_OUT = new RegExp(
  String.raw`(?<!\bwith\s)\bno\s+${ESSENTIAL}\b(?!\s+(?:fee|charge|cost|interruption|outage|disruption|change|issue|problem|plan|needed|required))|\b${ESSENTIAL}\s+(?:is|are|was|were|has\s+been|have\s+been|went|['’]s)\s+(?:still\s+|completely\s+)?(?:off|out)\b|\b(?:is|are|was|were)\s+(?:my|our|the)\s+${ESSENTIAL}\s+(?:still\s+)?(?:off|out)\b`,
  'i',
);

/** "later this year", "the latest version", "lately": a time word, not lateness ("later than promised" is). */
function timeNotLateness(t: EnTerm, sentence: string): boolean {
  if (t.normal === 'latest' || t.normal === 'lately') return true;
  return t.normal === 'later' && !/^\s+than\b/i.test(sentence.slice(t.end, t.end + 8));
}

function isVerbish(t: EnTerm): boolean {
  return has(t, 'Verb') || (has(t, 'Adjective') && /(?:ed|en)$/.test(t.normal));
}

/** "There's no fee", "there is no need to …": an absence that is good news, not something missing. */
const GOOD_ABSENCE = /^(?:(?:early|extra|additional|termination|cancellation|late|hidden|change|service|setup|monthly|annual|processing|shipping|delivery|restocking)\s+)*(?:fees?|charges?|costs?|need|penalt(?:y|ies)|problems?|issues?|worries|worry|rush|catch|limits?|risk|obligation|contract|action|wait)\b/;

/** The words after term i, lower case (for "there's no early termination fee"). */
function nextWord(terms: readonly EnTerm[], i: number): string {
  return terms
    .slice(i + 1, i + 4)
    .map((t) => t.normal)
    .join(' ');
}

const ELAPSED = /^\W*it(?:['’]s|\s+has)\s+been\s+(?:over\s+|more\s+than\s+|almost\s+|nearly\s+)?(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+(?:days|weeks|months|hours|business\s+days|day|week|month)\b/i;
const BROKEN_PROMISE = /\bnobody\s+(?:can|could|will|would)\s+(?:tell|explain|give|answer)\b|\byou\s+(?:told|promised|said|assured)\s+(?:me|us)\b|\bnobody\s+(?:(?:ever|has|had)\s+)?(?:told|informed|called|answered|replied|responded|contacted|warned)\b|\b(?:reported|contacted|called|emailed|written|wrote|asked)\s+(?:\w+\s+){0,3}(?:\d+|two|three|four|five|six|several|multiple|many)\s+times\b|\bfollowing\s+up\s+(?:again|for\s+the\s+(?:second|third|fourth|\d+(?:nd|rd|th))\s+time)\b|\b(?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th))\s+time\s+(?:that\s+)?(?:i|we)(?:['’](?:m|ve)|\s+am|\s+have|\s+had)?\s+(?:writing|calling|contacting|asking|emailing|reaching|messaging|written|called|contacted|asked|emailed|wrote)\b/i;

const PRAISE = /^(?:fantastic|amazing|excellent|wonderful|great|awesome|outstanding|brilliant|superb|terrific|stellar|helpful|incredible|phenomenal|lovely)$/;

/** Spans of "when/whenever/if …" clauses inside a sentence, up to the next comma or stop (one scan). */
function genericClauses(sentence: string): [number, number][] {
  const spans: [number, number][] = [];
  const opener = sentence.search(/\S/);
  for (const m of sentence.matchAll(/\b(?:when|whenever|if)\b/gi)) {
    if (m.index === opener) continue; // a sentence-initial one is handled above
    const last = spans[spans.length - 1];
    if (last && m.index < last[1]) continue; // inside the clause before: same end (keeps this linear)
    const stop = sentence.slice(m.index).search(/[,;.!?]/);
    spans.push([m.index, stop < 0 ? sentence.length : m.index + stop]);
  }
  return spans;
}

/**
 * "That's why it was declined at the store": a plain "was declined" is nearly always a card or a payment;
 * only "is therefore declined" is a ruling on the customer's request.
 */
function plainDecline(t: EnTerm, sentence: string): boolean {
  return lemmaOf(t) === 'decline' && !/\b(?:therefore|hereby|thus|accordingly|hence)\s+$/i.test(sentence.slice(Math.max(0, t.start - 16), t.start));
}

/** Reads one sentence. `role` says whose message it is: the customer's reports, the draft's promises. */
export function readEnSentence(sentence: string, en: EnSentence): EnSentenceCase {
  const terms = en.terms;
  const out: EnSentenceCase = { question: false, thanks: false, upsetCue: false };
  const words = terms.filter((t) => t.text !== '' && WORDY.test(t.text));
  const first = words[0];
  out.question = en.isQuestion || (first !== undefined && QUESTION_OPENERS.has(first.normal) && /\?/.test(sentence));
  // ("Can we get a refund?" asks for a remedy, not how to do something.)
  // "Just following up on the refund …", "Checking in on my order": asking where things stand.
  if (/^\W*(?:just\s+)?(?:following\s+up|checking\s+in|any\s+updates?)\s+(?:on|about|regarding|for)\b/i.test(sentence)) out.question = true;
  // "need duplicate title asap selling car sat how long does it take": typed in a hurry, with no question
  // mark — a wh-word with the auxiliary before its subject is a direct question (not "I know how long it takes").
  if (!/[.!]\s*$/.test(sentence) && /\b(?:how(?:\s+(?:long|soon|much|many|often))?|when)\s+(?:will|can|does|do|did|is|are|should)\s+(?:i|you|we|it|they|this|that|my|the)\b/i.test(sentence)) out.question = true;
  if (out.question && /\b(?:can|could|would|will)\s+you\s+(?:please\s+)?(?:refund|waive|reverse|remove|credit|reimburse|replace|fix|cancel|drop)\b/i.test(sentence)) out.asksRemedy = true;
  if (out.question && /^\W*(?:(?:\w+\s+){0,8}?(?:and|so)\s+how\s+(?:do|can|should|would)\s+(?:i|we)|how\s+(?:do|can|should|would)\s+(?:i|we)|where\s+(?:do|can)\s+(?:i|we)|is\s+there\s+(?:a|any)\s+way|what(?:['’]s|\s+is)\s+the\s+(?:best\s+)?way|can\s+(?:i|we)\s+(?:change|set|add|turn|switch|export|get(?!\s+(?:a\s+|my\s+|our\s+|the\s+|some\s+)?(?:refund|replacement|credit|discount|money|compensation|reimbursement)\b)|use|see|find|reset|update))\b/i.test(sentence)) out.howTo = true;
  const tokens = tokenize(sentence);
  if (SUGGESTION.test(sentence)) out.suggestion = true;
  if (/!!|\?\?|\?!|!\?/.test(sentence)) out.upsetCue = true;
  if (en.cues.some((c) => c.cue === 'shouting')) out.upsetCue = true;

  // A question or a condition asks about a problem; it does not report one ("Will I lose my data if …?").
  // ("Why is my gas off?", "Why was I charged twice?" take the failure as given: they report it.)
  const hypothetical = (out.question && !/^\W*why\b/i.test(sentence)) || /^\s*(?:if|in case|what if|when)\b/i.test(sentence);
  // A clause of "when/if/whenever …" inside the sentence is generic ("we mostly hear from customers when
  // something goes wrong"): its words report nothing.
  const generic = genericClauses(sentence);
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    if (t.text === '' && !isNegator(t)) continue;
    const negated = isNegatedAt(terms, i, sentence);
    // ("I'm mortified", "I'm so frustrated": the feeling as an adjective, or a participle after "I'm".)
    if (!out.problem && !negated && inClass(t, EMOTION) && (has(t, 'Adjective') || has(t, 'Passive')) && !hypothetical) out.problem = span(t);
    if (!out.problem && !hypothetical && lemmaOf(t) === 'wait' && terms.slice(i + 1, i + 5).some((u) => has(u, 'Duration') || has(u, 'Date') || u.normal === 'weeks' || u.normal === 'days')) out.problem = span(t);
    if (!out.problem && !hypothetical && /^(?:does|did|do)$/.test(t.normal) && terms[i + 1]?.normal === 'nothing') out.problem = span(t, terms[i + 1]);
    // "It's been six weeks", "it has been 10 days": the time waited is the complaint; "You told me four",
    // "you promised", "nobody told me", "I've reported this FOUR times": a broken promise or a repeat
    // contact, and an upset customer.
    if (!out.problem && !hypothetical && i === 0 && ELAPSED.test(sentence)) out.problem = { start: 0, end: sentence.length };
    // "my tire blew out", "the pipe burst": something broke ("blew me away" is praise, not this).
    if (!out.problem && !hypothetical && !negated && /^(?:blew|blown|burst|bursts)$/.test(t.normal) && /^(?:out|up)$/.test(terms[i + 1]?.normal ?? '')) out.problem = span(t, terms[i + 1]);
    if (i === 0 && BROKEN_PROMISE.test(sentence)) {
      out.upsetCue = true;
      if (!hypothetical) out.problem ??= { start: 0, end: sentence.length };
    }
    // "I've already complained twice", "I complained last week": a complaint made before is a problem.
    if (!out.problem && !hypothetical && !negated && lemmaOf(t) === 'complain' && subjectKind(subjectBefore(terms, i)) === 'i') out.problem = span(t);
    // "You denied my claim", "you cancelled my order": a ruling or an act against the writer, told to us.
    if (!out.problem && !hypothetical && !negated && (inClass(t, VERDICT) || lemmaOf(t) === 'cancel') && has(t, 'PastTense') && subjectKind(subjectBefore(terms, i)) === 'you' && /^(?:my|our|me|us)$/.test(terms[i + 1]?.normal ?? '')) out.problem = span(t);
    // "keeps resetting", "keeps logging me out", "is acting up": something misbehaves again and again.
    if (!out.problem && !hypothetical && !negated && /^(?:keeps|kept)$/.test(t.normal) && /ing$/.test(terms[i + 1]?.normal ?? '') && subjectKind(subjectBefore(terms, i)) === 'other') out.problem = span(t, terms[i + 1]);
    if (!out.problem && !hypothetical && !negated && /^(?:acting|act|acts|playing|glitching)$/.test(t.normal) && terms[i + 1]?.normal === 'up') out.problem = span(t, terms[i + 1]);
    // "I'm freaking out", "I'm panicking": distress about the case is a problem and an upset customer.
    if (!hypothetical && !negated && /^(?:freaking|freak|freaked|panicking|panic|panicked)$/.test(t.normal) && (t.normal.startsWith('pani') || terms[i + 1]?.normal === 'out')) {
      out.upsetCue = true;
      out.problem ??= span(t, t.normal.startsWith('pani') ? t : terms[i + 1]);
    }
    // "My belongings were supposed to arrive on the 18th": what was due and did not happen.
    if (!out.problem && !hypothetical && t.normal === 'supposed' && /^(?:was|were)$/.test(terms[i - 1]?.normal ?? '') && terms[i + 1]?.normal === 'to') out.problem = span(terms[i - 1]!, terms[i + 1]!);
    // "my internet keeps dropping", "the connection drops every evening": a line that cuts out.
    if (!out.problem && !hypothetical && !negated && /^(?:dropping|drops|dropped)$/.test(t.normal) && /\b(?:internet|connection|wi-?fi|signal|calls?|line|service|network)\b/i.test(sentence.slice(0, t.start))) out.problem = span(t);
    // "this is killing me": distress.
    if (!hypothetical && t.normal === 'killing' && terms[i + 1]?.normal === 'me') {
      out.upsetCue = true;
      out.problem ??= span(t, terms[i + 1]!);
    }
    // "only 2 showed up", "only three arrived": part of what was bought is missing.
    if (!out.problem && !hypothetical && t.normal === 'only' && has(terms[i + 1] ?? t, 'Value') && /^(?:showed|show|shows|arrived|arrive|came|come|received|got|appeared|appear|loaded|worked|delivered)$/.test(terms[i + 2]?.normal ?? terms[i + 3]?.normal ?? '')) out.problem = span(t, terms[i + 2]!);
    if (inClass(t, GRATITUDE) && !negated) out.thanks = true;
    // Praise is thanks too: "Luis was fantastic", "your team has been so helpful", "wanted you to know".
    if (!negated && !out.question && PRAISE.test(t.normal) && /\b(?:was|were|is|are|been|'s)\s+(?:\w+\s+)?$/i.test(sentence.slice(Math.max(0, t.start - 20), t.start))) out.thanks = true;
    if (/^\s*(?:just\s+)?wanted\s+(?:to\s+let\s+)?you\s+(?:to\s+)?know\b/i.test(sentence) && !/\b(?:but|however)\b/i.test(sentence)) out.thanks ||= sentence.length < 60;
    if (!out.apology && inClass(t, APOLOGY) && !negated && !/^\s+(?:to hear|to say|but)\b/i.test(sentence.slice(t.end, t.end + 12))) out.apology = span(t);
    if (inClass(t, EMOTION) && !negated) out.upsetCue = true;
    // ("I've called five times" is; "after I tried my password a few times" counts the customer's own tries.)
    if (UPSET.has(t.normal) || (t.normal === 'times' && has(terms[i - 1] ?? t, 'Value') && !/\b(?:tried|try|tries|attempted|attempts?)\b/i.test(sentence))) out.upsetCue = true;

    // Problems: a failure word not negated, or something that should work negated ("never arrived").
    if (!out.problem && !(hypothetical && !(lemmaOf(t) === 'cancel')) && !generic.some(([a, b]) => t.start >= a && t.start < b)) {
      const noun = has(t, 'Noun') || has(t, 'Adjective');
      if (inClass(t, PROBLEM) && !negated && !((t.normal === 'down' || t.normal === 'offline') && !/\b(?:is|are|was|were|'s|been|went|go|goes|says|said|shows|showed)\s+(?:\w+\s+)?['‘"“]?(?:\w+\s+)?(?:down|offline)\b/i.test(sentence)) && !(t.normal === 'twice' && !/charg|bill/i.test(sentence)) && !(t.normal === 'duplicate' && COPY_OF.test(sentence.slice(t.end, t.end + 24))) && !(t.normal === 'late' && /^(?:\s+|-)(?:at\s+night|night|in\s+the\s+(?:evening|day)|evenings?|hours|shifts?)\b/i.test(sentence.slice(t.end, t.end + 24))) && !(lemmaOf(t) === 'stop' && !/stop\w*\s+(?:working|loading|syncing|sending|responding|charging|printing|connecting|pairing|playing|recording|updating|running|cooling|heating|booting|opening|uploading|downloading)/i.test(sentence)) && !timeNotLateness(t, sentence)) {
        // "the problem is solved", "issue resolved": a problem that is over.
        const after = sentence.slice(t.end, t.end + 40);
        if (!(noun && /^(?:issue|problem|issues|problems)$/.test(t.normal) && /\bno\b|\bwithout\b|\bany\b/.test(sentence.slice(Math.max(0, t.start - 12), t.start)))) {
          out.problem = span(t);
          // "the problem is solved", "the error has been fixed": it happened, and it is over.
          if (/^\s+(?:(?:is|was|are|were|has been|have been)\s+)?(?:now\s+)?(?:solved|resolved|fixed|gone|sorted)\b/i.test(after)) out.fixed = true;
        }
      } else if (negated && inClass(t, FUNCTION) && (isVerbish(t) || /^(?:right|correct|here)$/.test(t.normal))) {
        // "can't log in", "isn't working", "never arrived", "that can't be right" — not "no need to worry".
        if (!(subjectKind(subjectBefore(terms, i)) === 'you')) {
          out.problem = span(t);
          // "I can't find it anywhere": looking for something — beside a how-to question, a question.
          if (/^(?:find|locate|see|figure)$/.test(lemmaOf(t)) && subjectKind(subjectBefore(terms, i)) === 'i') out.seeking = true;
        }
      } else if ((t.normal === 'nothing' || t.normal === 'no') && /\bthere(?:['’]s|\s+is|\s+was|\s+are)\s+(?:been\s+)?$/i.test(sentence.slice(Math.max(0, t.start - 17), t.start)) && !GOOD_ABSENCE.test(nextWord(terms, i))) {
        // "there's nothing at my door", "there is no confirmation email": something is missing.
        out.problem = span(t);
      } else if (t.normal === 'still' && terms.slice(i + 1, i + 4).some(isNegator)) {
        out.problem = span(t);
      } else if (lemmaOf(t) === 'charge' && /^(?:double|duplicate|extra|wrong|unexpected)$/.test(terms[i - 1]?.normal ?? '')) {
        out.problem = span(terms[i - 1]!, t);
      } else if (inClass(t, APOLOGY) && !negated && /^\s+(?:for|about)\s+(?:the|this|that|your|any|our)\b/i.test(sentence.slice(t.end, t.end + 16))) {
        // "We apologize for the double charge", "sorry about the delay": the writer admits a problem.
        out.problem = span(t);
      } else if (lemmaOf(t) === 'charge' && isPastLike(terms, i) && !negated && !isFuture(terms, i) && /\b(?:i|we|me|us|my)\b/i.test(sentence.slice(0, t.start + 30))) {
        out.problem = span(t);
      } else if (lemmaOf(t) === 'cancel' && !negated && has(t, 'PastTense') && /\bmy\b/i.test(sentence) && /\bwhy\b|\bnever\b/i.test(sentence)) {
        out.problem = span(t);
      }
    }
  }
  // "How is that even possible?", "How could this happen?": a complaint asked as a question — the failure
  // is taken as given, and the writer is upset.
  if (RHETORICAL.test(sentence)) {
    out.upsetCue = true;
    out.problem ??= { start: 0, end: sentence.length };
  }
  // "My son's save file is GONE", "all my photos are gone": something of theirs lost.
  if (!out.problem && !hypothetical) {
    const m = THEIRS_GONE.exec(sentence);
    if (m) out.problem = { start: m.index, end: m.index + m[0].length };
  }
  // "It's Saturday night and no tree", "still no refund", "but no reply": what was due is missing.
  if (!out.problem && !hypothetical) {
    const m = STILL_NONE.exec(sentence);
    if (m) out.problem = { start: m.index, end: m.index + m[0].length };
  }
  // "my gas is off", "the power went out", "no heat and it's 30 degrees": an essential service is out.
  if (!out.problem && !hypothetical) {
    const m = SERVICE_OUT.exec(sentence);
    if (m) {
      out.problem = { start: m.index, end: m.index + m[0].length };
      // "Power was out on our street for 9 hours yesterday": told in the past with how long it lasted — over.
      if (/\b(?:was|were|went)\b/i.test(m[0]) && /\bfor\s+(?:\d|an?\b|one\b|two\b|three\b|several\b|many\b|about\b|over\b|nearly\b|almost\b)/i.test(sentence.slice(m.index)) && !/\bstill\b/i.test(sentence)) out.fixed = true;
    }
  }
  // "Thanks to Lena, who stayed with me during the outage": a trouble named as what the thanks are for is
  // over (not "thanks, but it is still down").
  const thanksAt = terms.find((t) => inClass(t, GRATITUDE))?.start;
  if (out.problem && thanksAt !== undefined && thanksAt < out.problem.start && !/\b(?:but|still|however|again)\b/i.test(sentence)) out.fixed = true;
  out.ownSlip = readOwnSlip(terms, sentence);
  return { ...out, ...readDraftSentence(sentence, en, tokens) };
}

const SLIP_WORDS = /^(?:accidentally|mistakenly|wrongly|wrong|forgot|mistyped|misspelled|typo|incorrectly|misread)$/;

/** "I typed my address wrong", "I accidentally ordered two", "I forgot to add", "my mistake / my bad / my fault". */
function readOwnSlip(terms: readonly EnTerm[], sentence: string): boolean {
  if (/\bmy\s+(?:own\s+)?(?:mistake|bad|fault|error)\b/i.test(sentence) && !/\bnot\s+my\b/i.test(sentence)) return true;
  return terms.some((t, i) => {
    if (!SLIP_WORDS.test(t.normal)) return false;
    // "I didn't do anything wrong": denied, not owned.
    if (terms.slice(Math.max(0, i - 5), i).some((u) => isNegator(u) || u.normal === 'nothing')) return false;
    for (let k = i - 1; k >= 0 && k >= i - 6; k--) {
      const kind = subjectKind(terms[k]);
      if (kind === 'i') return true;
      if (kind === 'we' || kind === 'you') return false;
    }
    return false;
  });
}

const NOT_PLANNED = /(?:\bnot|n['’]t)\s+something\s+we\s+(?:plan|intend|are\s+planning)\s+to\b|(?:\bnot|\b(?:is|are|was|were)n['’]t)\s+something\s+we\s+(?:support|offer|provide)\b|(?:\bnot|\b(?:is|are)n['’]t)\s+on\s+our\s+roadmap\b|\bwe\s+(?:have|had)\s+no\s+plans?\s+to\b|\bwe\s+(?:do\s*not|don['’]t|won['’]t|will\s+not)\s+(?:plan|intend)\s+to\b/i;

function readDraftSentence(sentence: string, en: EnSentence, tokens: ReturnType<typeof tokenize>): Partial<EnSentenceCase> {
  const terms = en.terms;
  const out: Partial<EnSentenceCase> = {};
  const dated = hasDate(terms) && !/^\s*(?:orders|refunds|returns|shipments|deliveries|items|packages)\b/i.test(sentence);
  const conditional = /^\s*(?:if|when|once|should|unless|whenever)\b/i.test(sentence);
  const supposing = /^\s*(?:if|should|unless|in\s+case)\b/i.test(sentence);
  // "Reply with the number, and we'll set it up within the hour": a promise that waits on the customer's
  // move — a next step for them, but no date the case is scheduled for.
  // (…and "Once you email it back, we'll cancel within two business days".)
  const promisedBack = /\b(?:i|we)(?:['’]ll|\s+will)\b/i.test(sentence);
  // (…or "Once I have those, I'll approve the claim": what we wait to receive from them.)
  const onCustomer = promisedBack && ((en.imperative && /\band\s+(?:i|we)(?:['’]ll|\s+will)\b/i.test(sentence)) || /^\s*(?:if|when|once|after|as\s+soon\s+as)\s+(?:you\b|(?:i|we)\s+(?:have|get|receive)\s+(?:those|them|it|these|that|your)\b)/i.test(sentence));

  // A request turned down for good: "PDF export is not something we plan to build", "we have no plans to
  // add it", "we don't plan to support …".
  const notPlanned = NOT_PLANNED.exec(sentence);
  if (notPlanned) out.refusal = { start: notPlanned.index, end: notPlanned.index + notPlanned[0].length };
  // "We consider this matter closed", "this matter is closed": the request is shut, which is a no.
  const closed = /\b(?:consider\s+(?:this|the)\s+(?:matter|case)\s+(?:to\s+be\s+)?closed|(?:this|the)\s+matter\s+is\s+(?:now\s+)?closed)\b/i.exec(sentence);
  if (closed) out.refusal ??= { start: closed.index, end: closed.index + closed[0].length };

  // "- Issued a corrected bill for $58.20." under "Here's what I've done:": a remedy done, subject left out.
  const lead = terms.find((t) => t.text !== '' && WORDY.test(t.text));
  if (lead && lead.start === sentence.search(/[a-z]/i) && has(lead, 'PastTense') && inClass(lead, REMEDY) && !conditional) out.resolved = span(lead);
  if (/^\s*(?:done|all set|all done|sorted|fixed)\b/i.test(sentence)) out.resolved = { start: 0, end: sentence.indexOf(' ') > 0 ? sentence.search(/[\s—–!.,]/) : sentence.length };

  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    if (t.text === '') continue;
    const negated = isNegatedAt(terms, i, sentence);
    const subject = subjectBefore(terms, i);
    const kind = subjectKind(subject);
    const lemma = lemmaOf(t);

    // Refusal: a remedy negated with a modal of ability or future ("cannot be refunded", "we are unable to
    // expedite", "I can't restore it"), or a verdict in the passive ("is denied", "has been rejected").
    // ("If we can't re-send it today, we'll wire it": a condition; "Once we delete the account, we can't
    // recover anything": what cannot be undone — not a request turned down. "Once a package has left, we
    // can't upgrade the shipping" still is.)
    const irreversible = IRREVERSIBLE.test(sentence) && /^(?:recover|restore|undo|retrieve|reopen|reinstate|reverse)$/.test(lemmaOf(t));
    if (!out.refusal && !supposing && !irreversible && isVerbish(t) && kind !== 'you') {
      const unable = /\bunable to\s+(?:\w+\s+)?$/i.test(sentence.slice(Math.max(0, t.start - 24), t.start));
      // "we don't offer refunds", "we do not accept returns": a standing no from us, in the present.
      const standingNo = negated && (kind === 'we' || kind === 'i') && !has(t, 'PastTense') && /\b(?:do|does)\s*(?:not|n['’]t)\s+$/i.test(sentence.slice(Math.max(0, t.start - 12), t.start));
      // A third party's limits in the active ("that role can't change your plan", "the app can't export
      // PDFs") describe what something does; a refusal is ours ("we can't", "I'm unable to") or a
      // passive ruling on the customer's thing ("your order cannot be refunded").
      const passiveHere = /\bbe\s+(?:\w+\s+)?$/i.test(sentence.slice(Math.max(0, t.start - 20), t.start));
      const ourTeam = subject !== undefined && /\bour\s+(?:\w+\s+)?$/i.test(sentence.slice(Math.max(0, subject.start - 20), subject.start));
      const elided = subject === undefined ? subjectKind(elidedSubject(terms, i)) : undefined;
      const ours = kind === 'we' || kind === 'i' || (subject === undefined && (elided === undefined || elided === 'we' || elided === 'i')) || passiveHere || ourTeam;
      // "we can't take any chances", "it can't take long": an idiom, not a request turned down.
      const idiom = lemma === 'take' && /^\s+(?:any\s+|a\s+|the\s+|too\s+)?(?:chances?|risks?|long|care|time|part|place|effect)\b/i.test(sentence.slice(t.end));
      // "we won't refund" is a no; "we won't return your package while we sort this out" is good news: a
      // future negation refuses only a remedy the customer wants, not any action.
      const futureOnly = negated && hasModal(terms, i, /^(?:will|would|shall|wo|'ll|’ll)$/) && !hasModal(terms, i, /^(?:can|cannot|could|able|possible|eligible|ca)$/);
      const refusable = futureOnly ? inClass(t, REMEDY) : inClass(t, REFUSABLE);
      // "your request cannot be processed until a signed form is received": a condition to meet, not a no.
      const untilMet = conditionToMeet(sentence.slice(t.end));
      // "No one could pay through the app during that time": what nobody was able to do — a failure, not a no.
      const nobody = /\b(?:no\s+one|no-one|nobody|none\s+of\s+(?:us|them|you))\s+(?:could|can|was|were|is|are)\s+(?:\w+\s+)?$/i.test(sentence.slice(Math.max(0, t.start - 40), t.start));
      if (ours && !idiom && !untilMet && !nobody && refusable && ((negated && modalBefore(terms, i)) || unable || standingNo)) {
        out.refusal = span(subjectHead(terms, subject) ?? t, t);
      } else if (inClass(t, VERDICT) && !negated && !/ing$/.test(t.normal) && /\b(?:is|are|was|were|been|be)\s+(?:\w+\s+)?$/i.test(sentence.slice(Math.max(0, t.start - 30), t.start)) && !/\bcard\b|\bpayment\b/i.test(sentence.slice(Math.max(0, t.start - 20), t.start)) && !plainDecline(t, sentence)) {
        out.refusal = span(subject ?? t, t);
      }
    }
    if (!out.refusal && /^(?:eligible|possible|able)$/.test(t.normal) && negated && kind !== 'you' && /(?:\bnot|n['’]t)\s+(?:\w+\s+)?(?:eligible|possible)\b/i.test(sentence)) {
      out.refusal = span(subject ?? t, t);
    }


    if (!isVerbish(t) || negated) continue;
    // Done: a remedy in the past or perfect by us, or a past passive of it ("your refund was processed").
    if (!out.resolved && !conditional && inClass(t, REMEDY) && isPastLike(terms, i) && !isFuture(terms, i) && !modalBefore(terms, i) && !bookkeeping(terms, i)) {
      const passive = en.passives.some((p) => t.start >= p.start && t.end <= p.end && /^(?:was|were|got|has been|have been|had been)$/.test(p.auxiliaryWords.join(' ')));
      // "I went ahead and lifted the ban": the subject is left out after "and".
      const doer = kind ?? subjectKind(elidedSubject(terms, i));
      if (doer === 'i' || doer === 'we' || (passive && doer !== 'you') || ourPeople(terms, subject)) out.resolved = span(t);
    }
    // A promise: will/'ll/going to + a verb of follow-up or remedy, by us or about the customer's thing.
    // A concrete promise later in the sentence outranks a vague one ("we'll look into it and send a new one").
    // "We're posting updates every 30 minutes": a cadence we keep, in the present progressive with a time.
    const cadence = dated && (kind === 'we' || kind === 'i') && /ing$/.test(t.normal) && /^(?:are|am|'re|’re|'m|’m)$/.test(terms[i - 1]?.implicit ?? terms[i - 1]?.normal ?? '');
    // "We expect the portal to be back by 2 p.m.": an expectation we give with a time.
    const expectation = dated && (kind === 'we' || kind === 'i') && lemma === 'expect';
    const future = isFuture(terms, i) || cadence || expectation || (out.commitment !== undefined && terms[i - 1]?.normal === 'and');
    // Any action promised with a date is one too ("a technician will visit on Thursday").
    // (Not a consequence foretold: "Failure to provide it within 7 days will result in closure".)
    const action = inClass(t, COMMIT) || inClass(t, REMEDY) || expectation || (dated && !COGNITION.has(lemma) && !CONSEQUENCE.has(lemma) && !has(t, 'Copula') && !has(t, 'Modal') && !has(t, 'Auxiliary'));
    if ((!out.commitment || out.commitment.vague) && (!conditional || onCustomer) && (future || (/^(?:schedule|book|plan)$/.test(lemma) && (kind === 'we' || kind === 'i'))) && action) {
      if (!(kind === 'i' && COGNITION.has(lemma) && lemma !== 'be')) {
        // News only: a keep-informed verb ("look into it", "keep you posted"), or a remedy verb aimed at
        // the customer rather than their thing ("update you").
        // …or a hedged one ("we'll probably try to get it sorted out soon"): no promise at all.
        const hedged = hedgedPromise(sentence.slice(Math.max(0, t.start - 40), t.end));
        const vague = hedged || (!dated && inClass(t, KEEP_INFORMED) && (!inClass(t, REMEDY) || /^(?:you|us)$/.test(terms[i + 1]?.normal ?? '')));
        // (A hedged promise with a date — "I'm hoping they'll maybe come back later this week" — schedules nothing.)
        if (!out.commitment || !vague) out.commitment = { ...span(t), dated: dated && !hedged, ...(vague ? { vague } : {}), ...(onCustomer ? { onCustomer } : {}) };
      }
    }
    // Ownership: I + an action ("I'll personally …", "I've asked them …"), not a feeling ("I understand").
    if (!out.owner && kind === 'i' && !inClass(t, COGNITION) && !has(t, 'Copula') && !has(t, 'Modal') && !has(t, 'Auxiliary') && !hasModal(terms, i, /^(?:must|can|could|would|should|might|may)$/)) out.owner = span(subject!, t);
    // Handoff: a team or "they" does the work ("our engineering team is looking into it", "they are looking into it").
    if (!out.handoff && subject && kind === 'other' && HANDOFF.has(subject.normal) && /^(?:look|investigate|work|review|handle|check|pass|escalate)$/.test(lemma)) out.handoff = span(subject, t);
    if (!out.handoff && (lemma === 'pass' || lemma === 'escalate' || lemma === 'forward') && /\b(?:team|department|engineers|engineering|specialists)\b/i.test(sentence)) out.handoff = span(t);
  }
  // (Not a habit told in general — "carriers occasionally scan a package a day before it arrives".)
  const habitual = /\b(?:sometimes|occasionally|usually|typically|often|generally|normally)\b/i.test(sentence);
  if (!out.commitment && dated && !habitual && /\b(?:scheduled|booked|arriving|arrives|ships|releases|launches|goes\s+live)\b/i.test(sentence)) {
    const at = /\b(?:scheduled|booked|arriving|arrives|ships|releases|launches|goes\s+live)\b/i.exec(sentence)!;
    out.commitment = { start: at.index, end: at.index + at[0].length, dated: true };
  }
  if (/\bmy name is\b/i.test(sentence) || /\bpoint of contact\b/i.test(sentence)) {
    const at = /\bmy name is\b|\bpoint of contact\b/i.exec(sentence)!;
    out.owner ??= { start: at.index, end: at.index + at[0].length };
  }

  // Cause: a cause clause ("because …", "due to …", "caused by …", "we found that …").
  const cause = CAUSES.findAll(tokens)[0];
  const because = tokens.find((k) => k.key === 'because');
  const causeHit = cause ?? because;
  if (causeHit) {
    out.cause = { start: causeHit.start, end: causeHit.end };
    const after = tokens.filter((k) => k.start >= causeHit.end).slice(0, 4);
    const blamed = blameAfter(terms, after.map((k) => k.start));
    if (blamed) out.blame = { start: causeHit.start, end: blamed.end };
  }
  const direct = directBlame(sentence);
  if (direct) out.blame ??= direct;

  // An alternative: another way offered ("instead", "what I can do", "but I can …", "you can …").
  const alt = ALTERNATIVES.findAll(tokens)[0];
  if (alt) out.alternative = { start: alt.start, end: alt.end };
  else {
    // (not "but we can't", not "I can see / imagine how upsetting": a feeling, not "before we can look
    // into it": a condition, and not "if there's anything else I can help with": a sign-off.)
    const m = /\b(?:but|however),?\s+(?:i|we)\s*(?:can|could|will|'ll|’ll|have|'ve|’ve|am|'m|’m|are|'re|’re|would|'d|’d)\b(?!['’]t|\s+not\b)|(?<!\b(?:before|until|unless|anything|anything\s+else)\s)\b(?:you|i|we)\s+(?:can|could|may)\s+(?!not\b|never\b|only\b|see\b|imagine\b|understand\b|tell\b|assure\b|hear\b|feel\b|appreciate\b)\w+/i.exec(sentence);
    if (m) out.alternative = { start: m.index, end: m.index + m[0].length };
  }
  // "We can't lift the hold without it": a no with the condition that turns it into a yes — meeting it is
  // the way forward.
  if (out.refusal && !out.alternative) {
    const m = /^\s+(?:\w+\s+){0,3}(?:unless|without)\b/i.exec(sentence.slice(out.refusal.end));
    if (m) out.alternative = { start: out.refusal.end, end: out.refusal.end + m[0].length };
  }
  if (en.imperative || /^\s*(?:please|kindly)\b/i.test(sentence) || /\b(?:could|would|can) you(?: please)?\b/i.test(sentence)) {
    out.request = { start: 0, end: sentence.length };
  }
  return out;
}

/** "your network configuration", "you entered the wrong ZIP code" right after a cause word. */
function blameAfter(terms: readonly EnTerm[], starts: readonly number[]): Hit | undefined {
  for (const at of starts.slice(0, 2)) {
    const i = terms.findIndex((t) => t.start === at && t.text !== '');
    if (i < 0) continue;
    const t = terms[i]!;
    if (t.normal === 'your') {
      for (let k = i + 1; k < Math.min(terms.length, i + 4); k++) {
        if (!inClass(terms[k]!, BLAME_NOUNS)) continue;
        // The whole noun phrase: "your network configuration", not "your network".
        let last = k;
        while (terms[last + 1] && terms[last + 1]!.tags.includes('Noun') && !terms[last + 1]!.tags.includes('Pronoun')) last++;
        return span(t, terms[last]!);
      }
    }
    if (SECOND.has(t.normal)) {
      for (let k = i + 1; k < Math.min(terms.length, i + 4); k++) {
        const v = terms[k]!;
        if (isNegator(v) || inClass(v, BLAME_VERBS)) return span(t, v);
      }
    }
  }
  return undefined;
}

// "you must have mistyped it" (a slip pinned on them), "you should always double-check" (a lecture).
const DIRECT_BLAME = /\byou\s+(?:forgot|neglected)\s+to\b|\byou\s+should\s+have\b(?!\s+(?:had|heard|received|gotten|got|been|seen|to)\b)|\byou\s+must\s+have\s+(?:mistyped|typed|entered|clicked|deleted|forgotten|missed|misread|selected|chosen|used|made)\b|\byou\s+should\s+always\b|\byou\s+need\s+to\s+be\s+more\s+careful\b|\byour\s+(?:own\s+)?(?:fault|mistake|error|negligence)\b|\buser\s+error\b|\bif\s+you\s+had\b|\byou\s+did\s*(?:not|n['’]t)\s+(?:follow|read|check)\b/i;

/** "Since you chose standard crating …", "because you didn't select …": the customer's choice given as the reason. */
const CHOICE_AS_CAUSE = /\b(?:since|because|as)\s+you\s+(?:chose|selected|picked|opted|declined|skipped|didn['’]t|did\s+not|entered|ordered|used)\b/i;
/** What followed went wrong: a negation or a failure word after the reason. */
const WENT_WRONG = /n['’]t\b|\bnot\b|\bno\b|\bdamag|\bfail|\blost\b|\bbr[oe]k|\bdelay/i;

function directBlame(sentence: string): Hit | undefined {
  const m = DIRECT_BLAME.exec(sentence);
  if (m) return { start: m.index, end: m.index + m[0].length };
  // …blame when what follows is the failure ("…, the piece didn't have the mount that would have protected it").
  const c = CHOICE_AS_CAUSE.exec(sentence);
  return c && WENT_WRONG.test(sentence.slice(c.index + c[0].length)) ? { start: c.index, end: c.index + c[0].length } : undefined;
}
