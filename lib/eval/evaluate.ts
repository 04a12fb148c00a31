/**
 * Scores the evaluation corpora with the engine and computes the metrics of
 * /work/shared/eval/README.md. The engine is reached through a small `EvalScorer` so the metric
 * plumbing can be tested on its own; `engineScorer` is the real one.
 */
import type { Engine } from '../engine/engine';
import type { Datasets, KeicoRow, PairRow, PolitenessRow } from './datasets';
import { auc, pairAccuracy, precisionRecall, quartileSplit, spearman, type PrecisionRecall } from './metrics';

export interface EvalScorer {
  /** Japanese formality in [0, 1] (0.5 when the engine gives no score). */
  jaFormality(text: string): number;
  jaHonorifics(text: string): { sonkeigo: boolean; kenjogo: boolean };
  /** The keigo forms found in a Japanese text (`KeigoMark.form`s), for the label-agreement diagnostic. */
  jaKeigoForms?(text: string): string[];
  /** Whether the reply covers an apology (market jp). */
  jaApology(text: string): boolean;
  /** English politeness in [0, 1] (0.5 when the engine gives no score). */
  enPoliteness(text: string): number;
}

/** The scorer the README asks for: one engine, `analyze` for scores and coverage, `analyzeText` for register. */
export function engineScorer(engine: Engine): EvalScorer {
  // analyze() is called once per Japanese text and shared by formality and apology.
  const jaReports = new Map<string, { formality: number; apology: boolean }>();
  const ja = (text: string) => {
    let r = jaReports.get(text);
    if (!r) {
      const report = engine.analyze(text, { market: 'jp', lang: 'ja' });
      r = { formality: report.scores.formality ?? 0.5, apology: report.coverage.apology };
      jaReports.set(text, r);
    }
    return r;
  };
  return {
    jaFormality: (text) => ja(text).formality,
    jaApology: (text) => ja(text).apology,
    jaHonorifics: (text) => {
      const doc = engine.analyzeText(text, { lang: 'ja' });
      let sonkeigo = false;
      let kenjogo = false;
      for (const s of doc.sentences) {
        if (s.lang !== 'ja') continue;
        sonkeigo ||= s.ja.register.sonkeigo;
        kenjogo ||= s.ja.register.kenjogo;
      }
      return { sonkeigo, kenjogo };
    },
    jaKeigoForms: (text) => {
      const forms = new Set<string>();
      for (const s of engine.analyzeText(text, { lang: 'ja' }).sentences) if (s.lang === 'ja') for (const m of s.ja.keigo) forms.add(m.form);
      return [...forms];
    },
    enPoliteness: (text) => engine.analyze(text, { market: 'us', lang: 'en' }).scores.politeness ?? 0.5,
  };
}

/** The JSON line's shape (README): absent datasets leave their key out; undefined statistics are null. */
export interface EvalJson {
  ja?: {
    cocoa?: Record<string, number | null>;
    pastel?: Record<string, number | null>;
    keico?: {
      auc: number | null;
      spearman: number | null;
      sonkeigo: { precision: number | null; recall: number | null };
      kenjogo: { precision: number | null; recall: number | null };
      apology_recall: number | null;
    };
  };
  en?: { politeness: { auc: number | null; spearman: number | null } };
}

/** One line of the readable table. */
export interface TableRow {
  metric: string;
  n: number;
  value: number;
  detail?: string;
}

/** An example the engine got most wrong for a metric, worst first. */
export interface ErrorExample {
  /** How wrong, for sorting (larger is worse). */
  badness: number;
  note: string;
  text: string;
  other?: string;
}

export interface EvalResult {
  json: EvalJson;
  table: TableRow[];
  /** Worst examples per metric label, worst first. */
  errors: Map<string, ErrorExample[]>;
}

function num(x: number): number | null {
  return Number.isFinite(x) ? Math.round(x * 10000) / 10000 : null;
}

function fmt(x: number): string {
  return x.toFixed(3);
}

function addErrors(errors: Map<string, ErrorExample[]>, label: string, list: ErrorExample[]): void {
  errors.set(label, list.sort((a, b) => b.badness - a.badness));
}

function pairMetrics(
  name: 'cocoa' | 'pastel',
  rows: readonly PairRow[],
  scorer: EvalScorer,
  table: TableRow[],
  errors: Map<string, ErrorExample[]>,
): Record<string, number | null> {
  const groups = new Map<string, PairRow[]>();
  for (const row of rows) {
    const list = groups.get(row.group) ?? [];
    list.push(row);
    groups.set(row.group, list);
  }
  const out: Record<string, number | null> = {};
  for (const [group, list] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const scored = list.map((r) => ({ r, high: scorer.jaFormality(r.high), low: scorer.jaFormality(r.low) }));
    const acc = pairAccuracy(scored.map((s) => [s.high, s.low] as const));
    const wins = scored.filter((s) => s.high > s.low).length;
    const ties = scored.filter((s) => s.high === s.low).length;
    const identical = list.filter((r) => r.high === r.low).length;
    out[group] = num(acc);
    table.push({
      metric: `ja.${name}.${group} pair accuracy`,
      n: list.length,
      value: acc,
      detail: `${wins} right, ${ties} ties (${identical} identical texts), ${list.length - wins - ties} wrong`,
    });
    addErrors(
      errors,
      `ja.${name}.${group}: ${name === 'cocoa' ? 'informal' : 'low'} scored ≥ ${name === 'cocoa' ? 'formal' : 'high'}`,
      scored
        .filter((s) => s.low >= s.high && s.r.high !== s.r.low)
        .map((s) => ({
          badness: s.low - s.high,
          note: `high ${fmt(s.high)} ≤ low ${fmt(s.low)}`,
          text: s.r.high,
          other: s.r.low,
        })),
    );
  }
  return out;
}

function keicoMetrics(
  rows: readonly KeicoRow[],
  scorer: EvalScorer,
  table: TableRow[],
  errors: Map<string, ErrorExample[]>,
): NonNullable<NonNullable<EvalJson['ja']>['keico']> {
  const scored = rows.map((r) => ({ r, score: scorer.jaFormality(r.text), hon: scorer.jaHonorifics(r.text) }));
  const formal = scored.filter((s) => s.r.level <= 3);
  const plain = scored.filter((s) => s.r.level === 4);
  const a = auc(
    formal.map((s) => s.score),
    plain.map((s) => s.score),
  );
  const rho = spearman(
    scored.map((s) => s.score),
    scored.map((s) => 5 - s.r.level),
  );
  table.push({ metric: 'ja.keico AUC (levels 1–3 vs 4)', n: scored.length, value: a, detail: `${formal.length} vs ${plain.length}` });
  table.push({ metric: 'ja.keico Spearman ρ (score, 5−Level)', n: scored.length, value: rho });
  const meanBy = [1, 2, 3, 4].map((level) => {
    const l = scored.filter((s) => s.r.level === level);
    return l.length ? `L${level} ${fmt(l.reduce((x, s) => x + s.score, 0) / l.length)}` : `L${level} –`;
  });
  table.push({ metric: 'ja.keico mean score by level', n: scored.length, value: NaN, detail: meanBy.join(', ') });
  addErrors(
    errors,
    'ja.keico: level 4 (plain) scored most formal',
    plain.map((s) => ({ badness: s.score, note: `L4 score ${fmt(s.score)}`, text: s.r.text })),
  );
  addErrors(
    errors,
    'ja.keico: levels 1–3 scored least formal',
    formal.map((s) => ({ badness: 1 - s.score - (s.r.level - 1) * 0.001, note: `L${s.r.level} score ${fmt(s.score)}`, text: s.r.text })),
  );

  const honorific = (key: 'sonkeigo' | 'kenjogo', label: string): PrecisionRecall => {
    const pr = precisionRecall(scored.map((s) => ({ predicted: s.hon[key], gold: s.r[key] })));
    table.push({
      metric: `ja.keico ${label} precision`,
      n: pr.truePositives + pr.falsePositives,
      value: pr.precision,
      detail: `TP ${pr.truePositives}, FP ${pr.falsePositives}`,
    });
    table.push({
      metric: `ja.keico ${label} recall`,
      n: pr.truePositives + pr.falseNegatives,
      value: pr.recall,
      detail: `TP ${pr.truePositives}, FN ${pr.falseNegatives}`,
    });
    // Binary decisions have no score to rank by: shorter sentences first, they are quicker to read.
    addErrors(
      errors,
      `ja.keico: ${label} missed`,
      scored.filter((s) => s.r[key] && !s.hon[key]).map((s) => ({ badness: -s.r.text.length, note: `L${s.r.level}`, text: s.r.text })),
    );
    addErrors(
      errors,
      `ja.keico: ${label} false alarm`,
      scored.filter((s) => !s.r[key] && s.hon[key]).map((s) => ({ badness: -s.r.text.length, note: `L${s.r.level}`, text: s.r.text })),
    );
    return pr;
  };
  const son = honorific('sonkeigo', '尊敬語 (sonkeigo)');
  const ken = honorific('kenjogo', '謙譲語 (kenjogo)');
  if (scorer.jaKeigoForms) labelAgreement(rows, scorer.jaKeigoForms, table);

  const apologyRows = scored.filter((s) => s.r.scene === '謝る');
  const apologized = apologyRows.filter((s) => scorer.jaApology(s.r.text));
  const apologyRecall = apologyRows.length ? apologized.length / apologyRows.length : NaN;
  table.push({
    metric: 'ja.keico apology recall (scene 謝る)',
    n: apologyRows.length,
    value: apologyRecall,
    detail: `${apologized.length} of ${apologyRows.length}`,
  });
  addErrors(
    errors,
    'ja.keico: apology missed (scene 謝る)',
    apologyRows
      .filter((s) => !scorer.jaApology(s.r.text))
      .map((s) => ({ badness: -s.r.text.length, note: `L${s.r.level}`, text: s.r.text })),
  );

  return {
    auc: num(a),
    spearman: num(rho),
    sonkeigo: { precision: num(son.precision), recall: num(son.recall) },
    kenjogo: { precision: num(ken.precision), recall: num(ken.recall) },
    apology_recall: num(apologyRecall),
  };
}

/** Keigo forms with their textbook type (文化審議会「敬語の指針」): what a KeiCO label should say when a row has one. */
const TEXTBOOK_FORMS: readonly [form: string, label: string, key: 'sonkeigo' | 'kenjogo'][] = [
  ['honorific-verb', 'いらっしゃる・おっしゃる… → 尊敬語', 'sonkeigo'],
  ['o-ni-naru', 'お〜になる → 尊敬語', 'sonkeigo'],
  ['go-nasaru', 'ご〜なさる → 尊敬語', 'sonkeigo'],
  ['o-kudasai', 'お〜ください → 尊敬語', 'sonkeigo'],
  ['reru-honorific', '〜れる/られる → 尊敬語', 'sonkeigo'],
  ['humble-verb', '申す・伺う・参る… → 謙譲語', 'kenjogo'],
  ['o-moushiageru', 'お〜申し上げる → 謙譲語', 'kenjogo'],
  ['o-itasu', 'お〜いたす → 謙譲語', 'kenjogo'],
  ['o-suru', 'お〜する → 謙譲語', 'kenjogo'],
  ['sasete-itadaku', '〜させていただく → 謙譲語', 'kenjogo'],
];

/**
 * How often KeiCO's sentence labels agree with the textbook type of a form the sentence contains: the
 * ceiling any grammar-based detector meets (a diagnostic, not a score of ours). A form at 50 % means
 * annotators labelled half the sentences holding it otherwise — often the form of the *other* type that
 * the sentence also has, or none.
 */
function labelAgreement(rows: readonly KeicoRow[], formsOf: (text: string) => string[], table: TableRow[]): void {
  const found = rows.map((r) => ({ r, forms: new Set(formsOf(r.text)) }));
  for (const [form, label, key] of TEXTBOOK_FORMS) {
    const having = found.filter((x) => x.forms.has(form));
    if (having.length === 0) continue;
    const agree = having.filter((x) => x.r[key]).length;
    table.push({ metric: `ja.keico label agreement: ${label}`, n: having.length, value: agree / having.length, detail: `${agree} of ${having.length} rows with ${form}` });
  }
}

function politenessMetrics(
  rows: readonly PolitenessRow[],
  scorer: EvalScorer,
  table: TableRow[],
  errors: Map<string, ErrorExample[]>,
): { auc: number | null; spearman: number | null } {
  const scored = rows.map((r) => ({ r, score: scorer.enPoliteness(r.text) }));
  const { bottom, top } = quartileSplit(scored, (s) => s.r.score);
  const a = auc(
    top.map((s) => s.score),
    bottom.map((s) => s.score),
  );
  const rho = spearman(
    scored.map((s) => s.score),
    scored.map((s) => s.r.score),
  );
  table.push({ metric: 'en.politeness AUC (top vs bottom quartile)', n: top.length + bottom.length, value: a, detail: `${top.length} vs ${bottom.length}` });
  table.push({ metric: 'en.politeness Spearman ρ (score, human)', n: scored.length, value: rho });
  addErrors(
    errors,
    'en.politeness: bottom quartile (rude) scored most polite',
    bottom.map((s) => ({ badness: s.score, note: `score ${fmt(s.score)}, human ${s.r.score.toFixed(2)}`, text: s.r.text })),
  );
  addErrors(
    errors,
    'en.politeness: top quartile (polite) scored least polite',
    top.map((s) => ({ badness: 1 - s.score, note: `score ${fmt(s.score)}, human ${s.r.score.toFixed(2)}`, text: s.r.text })),
  );
  return { auc: num(a), spearman: num(rho) };
}

export function evaluate(data: Datasets, scorer: EvalScorer): EvalResult {
  const table: TableRow[] = [];
  const errors = new Map<string, ErrorExample[]>();
  const json: EvalJson = {};
  if (data.cocoa || data.pastel || data.keico) {
    const ja: NonNullable<EvalJson['ja']> = {};
    if (data.cocoa) ja.cocoa = pairMetrics('cocoa', data.cocoa, scorer, table, errors);
    if (data.pastel) ja.pastel = pairMetrics('pastel', data.pastel, scorer, table, errors);
    if (data.keico) ja.keico = keicoMetrics(data.keico, scorer, table, errors);
    json.ja = ja;
  }
  if (data.politeness) json.en = { politeness: politenessMetrics(data.politeness, scorer, table, errors) };
  return { json, table, errors };
}

/** The readable table: metric, n, value, detail. */
export function formatTable(rows: readonly TableRow[]): string {
  const width = Math.max(...rows.map((r) => displayWidth(r.metric)), 6);
  const lines = [`${pad('metric', width)}  ${'n'.padStart(5)}  ${'value'.padStart(6)}  detail`];
  lines.push('-'.repeat(width + 24));
  for (const r of rows) {
    const value = Number.isFinite(r.value) ? r.value.toFixed(3) : '–';
    lines.push(`${pad(r.metric, width)}  ${String(r.n).padStart(5)}  ${value.padStart(6)}  ${r.detail ?? ''}`.trimEnd());
  }
  return lines.join('\n');
}

/** Columns in a terminal: CJK and other wide characters take two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}
