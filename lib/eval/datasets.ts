/**
 * The evaluation corpora as `npm run eval` reads them: every file in a folder whose name starts with
 * `keico`, `cocoa`, `politeness` or `pastel`, in the columns /work/shared/eval/README.md gives. Files of
 * one kind are pooled (e.g. `keico-dev.csv` and `keico-test.csv`). Rows that cannot be read (an empty
 * text, a level outside 1–4, a flag other than 0/1, a score that is not a number) are skipped and
 * counted, never guessed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvTable } from './csv';

export type DatasetKind = 'keico' | 'cocoa' | 'politeness' | 'pastel';

export const DATASET_KINDS: readonly DatasetKind[] = ['keico', 'cocoa', 'politeness', 'pastel'];

export const DATASET_COLUMNS: Record<DatasetKind, readonly string[]> = {
  keico: ['本文', 'Level', '書き言葉', '話し言葉', '尊敬語', '謙譲語', '丁寧語', 'フィールド'],
  cocoa: ['domain', 'en', 'formal', 'informal'],
  politeness: ['id', 'request', 'score'],
  pastel: ['axis', 'high', 'low'],
};

export interface KeicoRow {
  text: string;
  level: 1 | 2 | 3 | 4;
  sonkeigo: boolean;
  kenjogo: boolean;
  teineigo: boolean;
  scene: string;
}

export interface PairRow {
  /** cocoa: the domain; pastel: the axis. */
  group: string;
  /** The more formal / polite version. */
  high: string;
  low: string;
}

export interface PolitenessRow {
  id: string;
  text: string;
  score: number;
}

export interface FileLoad {
  file: string;
  kind: DatasetKind;
  rows: number;
  skipped: number;
}

export interface Datasets {
  keico?: KeicoRow[];
  cocoa?: PairRow[];
  pastel?: PairRow[];
  politeness?: PolitenessRow[];
  files: FileLoad[];
}

export function datasetKind(fileName: string): DatasetKind | undefined {
  const lower = fileName.toLowerCase();
  return DATASET_KINDS.find((k) => lower.startsWith(k));
}

function flag(value: string | undefined): boolean | undefined {
  const v = value?.trim();
  return v === '1' ? true : v === '0' ? false : undefined;
}

/** Parses one file's text as a dataset of the given kind. Throws CsvError on malformed CSV. */
export function parseDataset(
  kind: DatasetKind,
  text: string,
): { keico?: KeicoRow[]; pairs?: PairRow[]; politeness?: PolitenessRow[]; skipped: number } {
  const table = parseCsvTable(text, DATASET_COLUMNS[kind]);
  let skipped = 0;
  switch (kind) {
    case 'keico': {
      const rows: KeicoRow[] = [];
      for (const { values: v } of table.rows) {
        const text = (v['本文'] ?? '').trim();
        const level = Number((v['Level'] ?? '').trim());
        const sonkeigo = flag(v['尊敬語']);
        const kenjogo = flag(v['謙譲語']);
        const teineigo = flag(v['丁寧語']);
        if (!text || ![1, 2, 3, 4].includes(level) || sonkeigo === undefined || kenjogo === undefined || teineigo === undefined) {
          skipped++;
          continue;
        }
        rows.push({ text, level: level as KeicoRow['level'], sonkeigo, kenjogo, teineigo, scene: (v['フィールド'] ?? '').trim() });
      }
      return { keico: rows, skipped };
    }
    case 'cocoa':
    case 'pastel': {
      const [groupCol, highCol, lowCol] = kind === 'cocoa' ? ['domain', 'formal', 'informal'] : ['axis', 'high', 'low'];
      const pairs: PairRow[] = [];
      for (const { values: v } of table.rows) {
        const group = (v[groupCol!] ?? '').trim();
        const high = (v[highCol!] ?? '').trim();
        const low = (v[lowCol!] ?? '').trim();
        if (!group || !high || !low) {
          skipped++;
          continue;
        }
        pairs.push({ group, high, low });
      }
      return { pairs, skipped };
    }
    case 'politeness': {
      const rows: PolitenessRow[] = [];
      for (const { values: v } of table.rows) {
        const text = (v['request'] ?? '').trim();
        const rawScore = (v['score'] ?? '').trim();
        const score = rawScore === '' ? NaN : Number(rawScore);
        if (!text || !Number.isFinite(score)) {
          skipped++;
          continue;
        }
        rows.push({ id: (v['id'] ?? '').trim(), text, score });
      }
      return { politeness: rows, skipped };
    }
  }
}

/** Reads every dataset file in a folder (sorted by name). */
export function loadDatasets(dir: string): Datasets {
  const out: Datasets = { files: [] };
  const names = readdirSync(dir).sort();
  for (const name of names) {
    const kind = datasetKind(name);
    if (!kind) continue;
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    let parsed: ReturnType<typeof parseDataset>;
    try {
      parsed = parseDataset(kind, readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    let rows = 0;
    if (parsed.keico) {
      (out.keico ??= []).push(...parsed.keico);
      rows = parsed.keico.length;
    }
    if (parsed.pairs) {
      const target = kind === 'cocoa' ? (out.cocoa ??= []) : (out.pastel ??= []);
      target.push(...parsed.pairs);
      rows = parsed.pairs.length;
    }
    if (parsed.politeness) {
      (out.politeness ??= []).push(...parsed.politeness);
      rows = parsed.politeness.length;
    }
    out.files.push({ file: name, kind, rows, skipped: parsed.skipped });
  }
  return out;
}
