/**
 * English vocabulary as named predicates (after textlint's `isTargetVerb`): each says what a word is
 * for the analysis, with the reason it exists as a comment.
 */
import type { EnTerm } from './types';

/**
 * Words that may precede the verb of a command without changing that it is one:
 * "Please send it", "Just restart the app", "Kindly confirm", "So, check your inbox".
 */
const SENTENCE_ADVERBS = new Set(['please', 'pls', 'plz', 'just', 'kindly', 'also', 'so', 'and', 'now', 'then', 'simply', 'again', 'first', 'next', 'finally']);

export function isSentenceAdverb(normal: string): boolean {
  return SENTENCE_ADVERBS.has(normal);
}

/**
 * Subjectless openers that compromise tags as bare verbs but that are not commands:
 * "Hope this helps", "Thanks for waiting", "Welcome aboard!", "Wonder if …", "Guess we …".
 */
const NON_COMMAND_VERBS = new Set([
  'hope', 'thanks', 'thank', 'welcome', 'wonder', 'guess', 'reckon', 'bet', 'agree', 'mean', 'love', 'like',
  'appreciate', 'congrats', 'cheers', 'sorry', 'looking', 'glad', 'seems', 'sounds', 'happy',
]);

export function isNonCommandVerb(normal: string): boolean {
  return NON_COMMAND_VERBS.has(normal);
}

/**
 * "by" after a passive that does not introduce who did it: a time ("by Friday", "by tomorrow"), a
 * channel ("by email") or a manner ("by mistake", "by default").
 */
const NOT_AGENTS = new Set([
  'email', 'e-mail', 'mail', 'post', 'phone', 'text', 'courier', 'mistake', 'accident', 'default', 'design',
  'now', 'then', 'tomorrow', 'today', 'tonight', 'end', 'noon', 'midnight', 'monday', 'tuesday', 'wednesday',
  'thursday', 'friday', 'saturday', 'sunday', 'next', 'close', 'hand', 'far',
]);

export function isPassiveAgentBlocker(next: EnTerm): boolean {
  if (next.tags.includes('Date') || next.tags.includes('Value') || next.tags.includes('Duration')) return true;
  if (next.normal === 'the' || next.normal === 'a') return false;
  return NOT_AGENTS.has(next.normal);
}

/** First-person subjects: who owns an action in "I'll fix it", "We refunded you". */
const FIRST_PERSON = new Set(['i', 'we', "i'm", "i've", "i'll", "i'd", "we're", "we've", "we'll", "we'd", 'i’m', 'i’ve', 'i’ll', 'i’d', 'we’re', 'we’ve', 'we’ll', 'we’d']);

export function isFirstPersonSubject(normal: string): boolean {
  return FIRST_PERSON.has(normal);
}

/**
 * Irregular past participles without -ed/-en, which compromise may read as adjectives after "be"
 * ("The order was lost."): a passive all the same.
 */
const IRREGULAR_PARTICIPLES = new Set([
  'lost', 'sent', 'made', 'done', 'paid', 'built', 'found', 'held', 'kept', 'left', 'meant', 'put', 'read', 'set',
  'shut', 'sold', 'spent', 'told', 'understood', 'bought', 'brought', 'caught', 'taught', 'dealt', 'cut', 'split',
  'reset', 'upset', 'shipped', 'sought', 'lent', 'bent', 'hung', 'struck', 'stuck', 'mislaid', 'misread',
]);

export function isIrregularParticiple(normal: string): boolean {
  return IRREGULAR_PARTICIPLES.has(normal);
}

/** How a sentence may open by pointing at the rules: "Per", "As per", "According to", "Pursuant to". */
const POLICY_OPENER = /^\s*(?:as\s+per|per|according\s+to|pursuant\s+to|in\s+accordance\s+with)\s+(?:our|the|your)\s/i;
const RULE_NOUN = /\b(?:polic(?:y|ies)|agreement|terms|contract|guidelines|rules|conditions)\b/i;
const MAX_LEAD = 80;

/**
 * "Per our billing policy, invoices …", "Per the rental agreement you signed at the counter, all toll
 * usage …": a sentence that opens by pointing at the rules, up to its comma — whatever words name them.
 */
export function policyLead(sentence: string): { start: number; end: number } | undefined {
  const m = POLICY_OPENER.exec(sentence);
  if (!m) return undefined;
  const start = m[0].length - m[0].trimStart().length;
  const comma = sentence.indexOf(',', m[0].length);
  if (comma < 0 || comma - m[0].length > MAX_LEAD) return undefined;
  return RULE_NOUN.test(sentence.slice(start, comma)) ? { start, end: comma } : undefined;
}

/**
 * The words right after a negated act name the condition that turns the no into a yes: "cannot be
 * processed until the form is received", "we can't lift the hold without it", "… before we receive it".
 * ("cannot be canceled before the end of the term" names a time, not a condition: still a no.) Shared by
 * the refusal reading and en/passive-ownership, so both agree on what is a no.
 */
export function conditionToMeet(after: string): boolean {
  return /^\s+(?:\w+\s+)?(?:until|unless|without|before\s+(?:we|you|i|they|it|he|she)\b)/i.test(after.slice(0, 30));
}
