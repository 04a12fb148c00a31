/**
 * The engine: `analyze(text, context) → Report`. Pure and DOM-free; it runs in the extension's
 * background, and in Node for the CLI, the tests, the evaluation and the benchmarks.
 *
 * Data flow: text → paragraphs (lines) → sentences (per language splitter, cached by paragraph text)
 * → sentence analyses (kuromoji / compromise, cached by sentence text) → coverage and scores →
 * detectors and the market's pack phrase rules (./pack-rules.ts) → findings, sorted by position.
 *
 * The policy comes in as data of the shape ./market.ts describes (the policy layer's resolved policy has
 * it); the engine imports nothing from the layers above it.
 */
import type { EnSentence } from '../lang/en/types';
import type { JaSentence } from '../lang/ja/types';
import type { SentenceAnalyzer } from '../lang/analyzer';
import { LruCache } from '../base/lru-cache';
import { coverageWithReading, readCase, type CaseReading } from './case';
import { emptyReading } from './case/types';
import { computeCoverage } from './coverage';
import type { Detector, RawFinding } from './detector';
import type { AnalyzedText, Paragraph, Sentence, Span } from './document';
import { letterCount, messageLang, sentenceLang } from './language';
import type { EngineMarket, EnginePolicy, MarketOf, RuleConfig } from './market';
import { MessageCatalog } from './messages';
import { PACK_RULE_LABELS, packRuleFindings } from './pack-rules';
import { detectorCatalog, detectors as builtinDetectors } from './registry';
import { computeScores } from './scores';
import type { AnalysisContext, Finding, Lang, Report } from './types';
import { levelRank } from './types';

/** The `ruleId` a failed case reading is reported under in `Report.errors`. */
export const CASE_READING_ERROR = 'engine/case-reading';

type Loadable<A> = SentenceAnalyzer<A> | (() => Promise<SentenceAnalyzer<A>>);

export interface EngineOptions<P extends EnginePolicy = EnginePolicy> {
  /** The active policy (the policy layer's resolved policy; ./market.ts says what the engine reads of it). */
  policy: P;
  ja?: Loadable<JaSentence>;
  en?: Loadable<EnSentence>;
  detectors?: readonly Detector[];
  /** Entries kept in each of the paragraph and sentence caches. */
  cacheSize?: number;
}

/** Thrown by `analyze` when the text needs a language whose analyser has not loaded yet. */
export class LanguageNotReadyError extends Error {
  constructor(readonly lang: Lang) {
    super(`the ${lang} analyser is not loaded yet`);
    this.name = 'LanguageNotReadyError';
  }
}

export class UnknownMarketError extends Error {
  constructor(
    readonly market: string,
    readonly known: string[],
  ) {
    super(`unknown market "${market}" (known: ${known.join(', ')})`);
    this.name = 'UnknownMarketError';
  }
}

interface LanguageSlot<A> {
  analyzer?: SentenceAnalyzer<A>;
  loader?: () => Promise<SentenceAnalyzer<A>>;
  loading?: Promise<SentenceAnalyzer<A>>;
}

function slot<A>(loadable: Loadable<A> | undefined): LanguageSlot<A> {
  if (!loadable) return {};
  return typeof loadable === 'function' ? { loader: loadable } : { analyzer: loadable };
}

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/g;

/** Cuts text into lines with their offsets (a paragraph is a line: editors turn blocks into lines). */
export function splitLines(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(LINE_BREAK)) {
    spans.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  spans.push({ start, end: text.length });
  return spans;
}

export class Engine<P extends EnginePolicy = EnginePolicy> {
  private policy: P;
  private catalog: MessageCatalog;
  private readonly detectors: readonly Detector[];
  private readonly baseCatalog: MessageCatalog;
  private readonly slots: { ja: LanguageSlot<JaSentence>; en: LanguageSlot<EnSentence> };
  private readonly splitCache: LruCache<string, Span[]>;
  private readonly sentenceCache: LruCache<string, JaSentence | EnSentence>;

  constructor(options: EngineOptions<P>) {
    this.detectors = options.detectors ?? builtinDetectors;
    this.baseCatalog = detectorCatalog(this.detectors);
    this.policy = options.policy;
    this.catalog = this.catalogFor(options.policy);
    this.slots = { ja: slot(options.ja), en: slot(options.en) };
    const size = options.cacheSize ?? 2000;
    this.splitCache = new LruCache(size);
    this.sentenceCache = new LruCache(size);
  }

  /** Message catalog for the active policy (built-in detectors plus the policy's phrase rules). */
  get messages(): MessageCatalog {
    return this.catalog;
  }

  get activePolicy(): P {
    return this.policy;
  }

  setPolicy(policy: P): void {
    this.policy = policy;
    this.catalog = this.catalogFor(policy);
  }

  isReady(lang: Lang): boolean {
    return this.slots[lang].analyzer !== undefined;
  }

  /** Loads the analysers for these languages (idempotent; concurrent calls share one load). */
  async prepare(langs: Lang[]): Promise<void> {
    await Promise.all(langs.map((lang) => this.load(lang)));
  }

  private async load(lang: Lang): Promise<void> {
    const s = this.slots[lang] as LanguageSlot<unknown>;
    if (s.analyzer) return;
    if (!s.loader) throw new Error(`no ${lang} analyser configured`);
    s.loading ??= s.loader().catch((error: unknown) => {
      s.loading = undefined; // a failed load may be retried
      throw error;
    });
    s.analyzer = await s.loading;
  }

  /** Languages the text needs (its lines' scripts, or the forced language). */
  languagesOf(text: string, context?: Pick<AnalysisContext, 'lang'>): Lang[] {
    if (context?.lang) return [context.lang];
    const langs = new Set<Lang>();
    for (const line of splitLines(text)) {
      const lang = sentenceLang(text.slice(line.start, line.end));
      if (lang) langs.add(lang);
    }
    return [...langs];
  }

  /** Loads whatever the text needs, then analyses it. */
  async analyzeAsync(text: string, context: AnalysisContext): Promise<Report> {
    const langs = new Set(this.languagesOf(text, context));
    if (context.customerMessage) for (const l of this.languagesOf(context.customerMessage)) langs.add(l);
    await this.prepare([...langs].filter((l) => this.slots[l].analyzer || this.slots[l].loader));
    return this.analyze(text, context);
  }

  /** The market with this id in the active policy (as the policy describes it). */
  market(id: string): MarketOf<P> {
    return this.engineMarket(id) as MarketOf<P>;
  }

  private engineMarket(id: string): EngineMarket {
    const market = this.policy.markets.get(id);
    if (!market) throw new UnknownMarketError(id, [...this.policy.markets.keys()]);
    return market;
  }

  /** Cuts and analyses the text; throws LanguageNotReadyError if a needed analyser is not loaded. */
  analyzeText(text: string, context: Pick<AnalysisContext, 'lang'> = {}): AnalyzedText {
    const paragraphs: Paragraph[] = [];
    const sentences: Sentence[] = [];
    for (const line of splitLines(text)) {
      const paraText = text.slice(line.start, line.end);
      const lang = context.lang ?? sentenceLang(paraText);
      const paragraph: Paragraph = { index: paragraphs.length, start: line.start, end: line.end, text: paraText, lang };
      paragraphs.push(paragraph);
      if (!lang) continue;
      const analyzer = this.analyzer(lang);
      const spans = this.splitCache.getOrCompute(`${lang}\u0000${paraText}`, () => analyzer.split(paraText));
      for (const span of spans) {
        const sentenceText = paraText.slice(span.start, span.end);
        const base = {
          index: sentences.length,
          paragraph: paragraph.index,
          start: line.start + span.start,
          end: line.start + span.end,
          text: sentenceText,
        };
        const analysis = this.sentenceCache.getOrCompute(`${lang}\u0000${sentenceText}`, () =>
          analyzer.analyze(sentenceText),
        );
        sentences.push(
          lang === 'ja'
            ? { ...base, lang: 'ja', ja: analysis as JaSentence }
            : { ...base, lang: 'en', en: analysis as EnSentence },
        );
      }
    }
    const lang =
      context.lang ??
      messageLang(sentences.map((s) => ({ lang: s.lang, length: letterCount(s.text, s.lang) })));
    return { text, lang, paragraphs, sentences };
  }

  private analyzer(lang: Lang): SentenceAnalyzer<JaSentence | EnSentence> {
    const analyzer = this.slots[lang].analyzer;
    if (!analyzer) throw new LanguageNotReadyError(lang);
    return analyzer;
  }

  /** The level and options a rule has in a market under the active policy ('off' when it does not run). */
  ruleSetting(detector: Detector, market: EngineMarket): RuleConfig {
    const configured = market.rules.get(detector.meta.id);
    const serves =
      detector.meta.markets === '*' || detector.meta.markets.some((m) => market.lineage.includes(m));
    const level = configured?.level ?? (serves ? detector.meta.defaultLevel : 'off');
    return { level, options: { ...detector.meta.options, ...configured?.options } };
  }

  analyze(text: string, context: AnalysisContext): Report {
    const market = this.engineMarket(context.market);
    const doc = this.analyzeText(text, context);
    const customer = context.customerMessage ? this.tryAnalyzeText(context.customerMessage) : undefined;
    const errors: { ruleId: string; message: string }[] = [];
    let reading: CaseReading;
    try {
      reading = readCase(doc, customer, context);
    } catch (error) {
      // A broken case reading must not take the report down either: the coverage rules then see no
      // problem (they stay silent — a miss, never a false alarm) and every other rule runs as usual.
      errors.push({ ruleId: CASE_READING_ERROR, message: error instanceof Error ? error.message : String(error) });
      reading = emptyReading();
    }
    const coverage = coverageWithReading(computeCoverage(doc, customer), reading);
    const findings: Finding[] = [];
    const docLangs = new Set(doc.sentences.map((s) => s.lang));

    for (const detector of this.detectors) {
      const { level, options } = this.ruleSetting(detector, market);
      if (level === 'off') continue;
      if (!detector.meta.languages.some((l) => docLangs.has(l))) continue;
      let raw: RawFinding[];
      try {
        raw = detector.detect({ doc, context, options: options ?? {}, coverage, reading });
      } catch (error) {
        // One broken detector must not take the report (and the agent's typing) down with it.
        errors.push({ ruleId: detector.meta.id, message: error instanceof Error ? error.message : String(error) });
        continue;
      }
      const id = detector.meta.id;
      for (const r of raw) {
        findings.push({
          ruleId: id,
          kind: detector.meta.kind,
          level: r.mild ? 'info' : level,
          holdsSend: detector.meta.holdsSend === true,
          start: r.start,
          end: r.end,
          message: { id: `${id}:${r.message}`, ...(r.data ? { data: r.data } : {}) },
          reason: { id: `${id}:${r.reason ?? 'reason'}` },
          fixes: (r.fixes ?? []).map((f) => ({
            label: { id: `${id}:${f.label}`, ...(f.data ? { data: f.data } : {}) },
            edits: f.edits,
          })),
        });
      }
    }
    // The market's pack phrase rules, a detector family of their own: each runs like a detector.
    for (const rule of market.phrases) {
      try {
        findings.push(...packRuleFindings(doc, rule));
      } catch (error) {
        errors.push({ ruleId: rule.id, message: error instanceof Error ? error.message : String(error) });
      }
    }
    findings.sort((a, b) => a.start - b.start || levelRank(b.level) - levelRank(a.level) || a.end - b.end);

    const { scores, cues } = computeScores(doc);
    const report: Report = { lang: doc.lang, market: market.id, findings, scores, coverage, cues };
    if (errors.length > 0) report.errors = errors;
    return report;
  }

  /** The customer's message is context, not the draft: a language we cannot read yet is skipped. */
  private tryAnalyzeText(text: string): AnalyzedText | undefined {
    try {
      return this.analyzeText(text);
    } catch (error) {
      if (error instanceof LanguageNotReadyError) return undefined;
      throw error;
    }
  }

  private catalogFor(policy: P): MessageCatalog {
    const entries: [string, { en: string; ja: string }][] = [...PACK_RULE_LABELS];
    for (const market of policy.markets.values()) {
      for (const rule of market.phrases) entries.push([`${rule.id}:message`, rule.message]);
    }
    return this.baseCatalog.extend(entries);
  }
}
