/**
 * The shape three Japanese wording detectors share (double-keigo, keigo-direction, ra-nuki): they find
 * a run of tokens in a sentence that is wrong and know the right text for it. This turns such runs into
 * findings whose span is the run's text and whose fix replaces exactly that span — one fix per right
 * text (the first is the suggestion; further ones are alternatives).
 */
import type { RawFinding } from './detector';
import { jaSentences, type AnalyzedText, type JaSentenceEntry } from './document';

export interface TokenRewrite {
  /** Token range [from, to) of the sentence that the finding covers and the fix replaces. */
  from: number;
  to: number;
  /** Key in the detector's `meta.messages`. */
  message: string;
  /** The corrected text of the range; more than one when there are acceptable alternatives. */
  right: readonly [string, ...string[]];
  /** A tip, not an error: reported at info (common usage a style guide frowns on). */
  mild?: boolean;
}

/** Findings with `{ wrong, right }` data and a `fix` (data `{ right }`) per right text. */
export function tokenRewriteFindings(doc: AnalyzedText, rewrites: (s: JaSentenceEntry) => Iterable<TokenRewrite>): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const s of jaSentences(doc)) {
    const tokens = s.ja.tokens;
    for (const r of rewrites(s)) {
      const start = s.start + tokens[r.from]!.start;
      const end = s.start + tokens[r.to - 1]!.end;
      findings.push({
        start,
        end,
        ...(r.mild ? { mild: true } : {}),
        message: r.message,
        data: { wrong: doc.text.slice(start, end), right: r.right[0] },
        fixes: r.right.map((right) => ({ label: 'fix', data: { right }, edits: [{ start, end, text: right }] })),
      });
    }
  }
  return findings;
}
