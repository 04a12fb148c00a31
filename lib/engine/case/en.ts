/**
 * The English case reading: the draft's and the customer's English sentences read term by term, by
 * compromise's lemmas (lib/lang/en/case.ts), assembled into one `CaseReading`. See types.ts for what each
 * field means.
 *
 * - problem: the customer reported a failure (negation-aware: "no issues at all" is none, "never
 *   arrived" is one), or — when the customer neither only thanks nor only asks — the draft admits one.
 * - upset: the customer reported a problem with emotion words, repeated contact ("again", "still",
 *   "nobody has answered"), "!!" or shouting. Register rules weigh a slip by it.
 * - state: resolved when the draft reports a remedy done ("I've refunded", "your refund was processed",
 *   "Done —"); scheduled when a promise comes with a date or time ("it will arrive by Friday", "I'll
 *   update you by 1 p.m."); otherwise open when there is a problem, none when there is not.
 * - refusal and alternative: "cannot be refunded", "is therefore denied" vs "instead", "but I can …",
 *   "here's what I can do"; blame: a cause clause about the customer's own doing ("caused by your
 *   network configuration", "because you entered …").
 */
import data from '../../../dictionaries/en/case.json';
import { HEDGE, readEnSentence, type EnSentenceCase, type Hit } from '../../lang/en/case';
import { enCoverageLexicon } from '../../lang/en/signals';
import { policyLead } from '../../lang/en/predicates';
import type { AnalyzedText, EnSentenceEntry } from '../document';
import { enSentences } from '../document';
import type { AnalysisContext } from '../types';
import { SentenceMemo } from './memo';
import type { CaseReading, CaseSpan, Commitment, Reported } from './types';

interface Read {
  s: EnSentenceEntry;
  r: EnSentenceCase;
}

const memo = new SentenceMemo<EnSentenceEntry['en'], EnSentenceCase>();

function readOf(s: EnSentenceEntry): Read {
  // The analysis is cached under the sentence's text, so (analysis, text) is one key.
  return { s, r: memo.get(s.en, s.text, () => readEnSentence(s.text, s.en)) };
}

function readAll(doc: AnalyzedText): Read[] {
  return enSentences(doc).map(readOf);
}

const NEGATION_AFTER = new RegExp(`^\\s*(?:${data.cancelsNextStep.join('|')})\\b`, 'i');
/** "cannot refund", "won't be replaced", "not be able to refund": a negation up to three words before. */
const NEGATION_BEFORE = /(?:\b(?:not|never|no|cannot|unable to)|n['’]t)\s+(?:[\w'’]+\s+){0,3}$/i;

/**
 * Where the sentence gives the customer something to hold: a remedy or an instruction, not negated
 * ("we will not refund" is none), a promise that is more than news — a concrete action ("I'll send a
 * new one") or any promise with a date — or another way offered ("in the meantime, …", "instead, …").
 * "We'll look into it and get back to you" is not a next step.
 */
function nextStepIn(read: Read): Hit | undefined {
  const { s, r } = read;
  // "Per our policy, refunds are processed within 10 business days": the rules recited, not a step taken.
  const recitesRules = policyLead(s.text) !== undefined;
  for (const lexicon of recitesRules ? [] : [enCoverageLexicon.remedy, enCoverageLexicon.nextStep]) {
    for (const hit of lexicon.findAll(s.text)) {
      const negatedContraction = /n['’]t$/i.test(hit.phrase);
      // (…nor hedged: "we'll probably try to get it sorted out".)
      const hedged = HEDGE.test(s.text.slice(Math.max(0, hit.start - 30), hit.start)) || (/^try/i.test(hit.phrase) && /^\s+to\b/i.test(s.text.slice(hit.end)));
      if (!negatedContraction && !hedged && !NEGATION_AFTER.test(s.text.slice(hit.end)) && !NEGATION_BEFORE.test(s.text.slice(0, hit.start))) return hit;
    }
  }
  if (r.commitment && !r.commitment.vague) return r.commitment;
  // Another way offered meanwhile ("In the meantime, we've attached a signed score report") — not a
  // hedge ("restarting your modem may help").
  // ("You don't need to do anything in the meantime" offers nothing either.)
  // (Nor does a hedged offer: "we could possibly add a make-up session if that kind of works".)
  const offersNothing = /\b(?:may|might)\s+(?:\w+\s+)?help\b|\b(?:don['’]t|do\s+not|no)\s+need\b|\b(?:possibly|maybe|perhaps)\b/i.test(s.text);
  return r.alternative && !r.refusal && !offersNothing ? r.alternative : undefined;
}

/** Whether the sentence offers a remedy or a next step (see `nextStepIn`). */
export function offersNextStep(s: EnSentenceEntry): boolean {
  return nextStepIn(readOf(s)) !== undefined;
}

function at(read: Read, hit: Hit): CaseSpan {
  return { start: read.s.start + hit.start, end: read.s.start + hit.end };
}

function first(reads: readonly Read[], pick: (r: EnSentenceCase) => Hit | undefined): CaseSpan | undefined {
  for (const read of reads) {
    const hit = pick(read.r);
    if (hit) return at(read, hit);
  }
  return undefined;
}

/** What a message reports, and whether its writer is upset. */
export function reportedEn(reads: readonly { r: EnSentenceCase }[], role: 'customer' | 'draft' = 'customer'): Reported & { upset: boolean; ownSlip: boolean; howTo: boolean; suggestion: boolean } {
  // The customer's "the problem is solved" reports none; the draft's "the error has been fixed" admits one.
  let problem = reads.some((x) => x.r.problem && (role === 'draft' || !x.r.fixed));
  // "How do I turn on 2FA? I can't find it anywhere.": not finding what one asks about is the question.
  if (problem && reads.some((x) => x.r.question) && reads.every((x) => !x.r.problem || x.r.seeking || x.r.fixed)) problem = false;
  // "Suggestion: your bags need a zipper. Once I open one, everything goes stale.": a calm suggestion names
  // the pain it would cure; it reports no failure to answer for.
  if (problem && role === 'customer' && reads[0]?.r.suggestion && !reads.some((x) => x.r.upsetCue)) problem = false;
  return {
    problem,
    ownSlip: reads.some((x) => x.r.ownSlip),
    howTo: reads.some((x) => x.r.howTo),
    asksRemedy: reads.some((x) => x.r.asksRemedy),
    suggestion: !!reads[0]?.r.suggestion,
    question: reads.some((x) => x.r.question),
    thanks: reads.some((x) => x.r.thanks),
    upset: problem && reads.some((x) => x.r.upsetCue),
  };
}

/** Whether the customer's last message, read in English, is from an upset customer. */
export function customerUpset(customer: AnalyzedText | undefined): boolean {
  return customer ? reportedEn(readAll(customer)).upset : false;
}

/** The customer can settle it at once: "You can unlock it right away", "you can reset it yourself now". */
const SETTLE_NOW = /\b(?:right\s+away|right\s+now|immediately|yourself|instantly)\b/i;
/** A stopgap while the case stays open: "in the meantime", "until we …", "while we …". */
const STOPGAP = /\b(?:meantime|meanwhile|for\s+now|until\s+(?:we|then|it)|while\s+(?:we|our|the))\b/i;

export function readEnCase(doc: AnalyzedText, customer: AnalyzedText | undefined, _context?: Pick<AnalysisContext, 'agentName'>): CaseReading {
  const reads = readAll(doc);
  const customerReads = customer ? readAll(customer) : [];
  const theirs = customerReads.length > 0 ? reportedEn(customerReads) : undefined;
  const ours = reportedEn(reads, 'draft');
  const onlyThanksOrQuestion = theirs !== undefined && !theirs.problem && (theirs.thanks || theirs.question || theirs.suggestion);
  const problem = (theirs?.problem ?? false) || (ours.problem && !onlyThanksOrQuestion);

  // (A promise that waits on the customer's move does not schedule the case.)
  const ownPromise = (x: Read) => x.r.commitment !== undefined && !x.r.commitment.onCustomer;
  const dated = reads.find((x) => ownPromise(x) && x.r.commitment!.dated);
  const promise = dated ?? reads.find(ownPromise);
  const commitment: Commitment | undefined = promise?.r.commitment ? { ...at(promise, promise.r.commitment), dated: promise.r.commitment.dated } : undefined;
  const resolved = reads.some((x) => x.r.resolved);
  const state = !problem ? 'none' : resolved ? 'resolved' : commitment?.dated ? 'scheduled' : 'open';

  const refusal = first(reads, (r) => r.refusal);
  const handoff = first(reads, (r) => r.handoff);
  // An alternative counts when it comes with or after the refusal (or anywhere, when there is none) — or
  // before it, when it is offered as such ("The good news: your balance is safe. … We can't recover
  // anything spent before you lock the card"): a remedy done before the no is only what came first.
  const refusalAt = refusal?.start ?? 0;
  const alternative =
    reads
      .filter((x) => x.s.end > refusalAt)
      .map((x) => (x.r.alternative ? at(x, x.r.alternative) : x.r.resolved && x.s.start >= refusalAt && !x.r.refusal ? at(x, x.r.resolved) : undefined))
      .find((a) => a !== undefined && a.start >= refusalAt) ?? first(reads, (r) => (r.alternative && !r.refusal ? r.alternative : undefined));

  return {
    lang: 'en',
    customer: theirs ? { problem: theirs.problem, question: theirs.question, thanks: theirs.thanks, upset: theirs.upset, ownSlip: theirs.ownSlip, howTo: theirs.howTo, asksRemedy: theirs.asksRemedy } : undefined,
    draft: ours,
    problem,
    state,
    apology: first(reads, (r) => r.apology),
    cause: first(reads, (r) => r.cause),
    blame: first(reads, (r) => r.blame),
    owner: first(reads, (r) => r.owner),
    commitment,
    refusal,
    alternative,
    requests: reads.filter((x) => x.r.request).map((x) => at(x, x.r.request!)),
    // "Bring it by whenever and we'll fix it while you wait": what happens next waits on the customer.
    awaitingCustomer: reads.some((x) => x.r.commitment?.onCustomer),
    handoff,
    nextStep: reads.map((read) => { const hit = nextStepIn(read); return hit && at(read, hit); }).find((x) => x !== undefined),
    // "You can unlock it right away: 1. …": a way the customer takes now, with nothing of ours handed off
    // or refused and no upset customer to answer for — the case needs no owner or response time from us.
    // (Not a workaround while the case stays ours: "In the meantime, you can send it manually".)
    selfService: refusal || handoff || theirs?.upset ? undefined : reads.map((x) => (x.r.alternative && /^you\s+can\b/i.test(x.s.text.slice(x.r.alternative.start, x.r.alternative.end)) && SETTLE_NOW.test(x.s.text) && !STOPGAP.test(x.s.text) ? at(x, x.r.alternative) : undefined)).find((x) => x !== undefined),
  };
}
