/**
 * The detector contract: one file per detector, exporting a `Detector` (meta + detect), in the
 * manner of ESLint rules. Detectors are pure functions of the analysed text and the context.
 *
 * A detector reports raw findings with message *keys* from its own `meta.messages`; the engine turns
 * them into `Finding`s with full message ids (`<ruleId>:<key>`), the rule's kind, and the level the
 * active policy gives the rule. Every message exists in English and Japanese (a meta-test checks).
 */
import type { CaseReading } from './case/types';
import type { AnalyzedText } from './document';
import type { RuleOptionsSchema } from './options';
import type { AnalysisContext, Coverage, Edit, FindingKind, Lang, Level, Market, MessageData } from './types';

export interface LocalizedText {
  en: string;
  ja: string;
}

export interface DetectorMeta {
  /** `<lang>/<name>`, e.g. `ja/missing-apology`; packs refer to rules by this id. */
  id: string;
  kind: FindingKind;
  /** Languages of text the detector reads; it only sees sentences in these languages. */
  languages: Lang[];
  /** Markets the detector serves (a market pack sets its level); `*` for every market. */
  markets: Market[] | '*';
  defaultLevel: Exclude<Level, 'off'>;
  /** Whether the detector offers fixes. */
  fixable: boolean;
  /**
   * Whether its findings hold the pre-send check: send-critical findings a senior reviewer would stop a
   * send for (no apology to a complaint, plain endings, wrong keigo, cold, blaming or flippant wording).
   * Tips (closings, owners, commitments, hedges, long sentences …) stay underlines and let Send through,
   * unless a pack raises the rule to `block`. Every detector declares it (test/engine/meta.test.ts);
   * the guard reads it from the finding (`Finding.holdsSend`, lib/guard/decide.ts).
   */
  holdsSend?: boolean;
  /** One line for docs and the options page. */
  description: LocalizedText;
  /**
   * Message templates by key. `reason` is required: why the target culture cares.
   * Templates interpolate `{name}` from the finding's data.
   */
  messages: Record<string, LocalizedText> & { reason: LocalizedText };
  /** Default options; packs may override them (`rules: { id: { level, options } }`). */
  options?: Record<string, unknown>;
  /**
   * The options the detector reads, as ESLint's `meta.schema` (see ./options.ts): packs are checked
   * against it, and the pack JSON Schema lists it. `NO_OPTIONS` when the detector reads none.
   */
  schema: RuleOptionsSchema;
}

export interface RawFix {
  /** Key in `meta.messages` for the button label. */
  label: string;
  data?: MessageData;
  edits: Edit[];
}

export interface RawFinding {
  start: number;
  end: number;
  /** Key in `meta.messages`. */
  message: string;
  data?: MessageData;
  /** Key in `meta.messages` for the cultural reason; defaults to `reason`. */
  reason?: string;
  fixes?: RawFix[];
  /**
   * The detector judges this finding mild in this case (an emoji in a calm thread): it is reported at
   * `info` whatever level the policy gives the rule (never louder than the rule's level).
   */
  mild?: boolean;
}

export interface DetectInput {
  doc: AnalyzedText;
  context: AnalysisContext;
  /** The rule's options: its defaults merged with the policy's. */
  options: Record<string, unknown>;
  /** What the reply already covers (computed once, before detectors run). */
  coverage: Coverage;
  /**
   * The case reading (computed once, before detectors run): what the customer reported, whether the
   * case is open, resolved or scheduled, who owns it, the cause, a refusal … (lib/engine/case/).
   * Coverage detectors decide from it, not from phrase lists.
   */
  reading: CaseReading;
}

export interface Detector {
  meta: DetectorMeta;
  detect(input: DetectInput): RawFinding[];
}

/** Identity helper that gives detector files type checking without a cast. */
export function defineDetector(detector: Detector): Detector {
  return detector;
}
