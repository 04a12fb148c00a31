/**
 * The evaluation corpora's CSV (RFC 4180), read with `csv-parse`: fields separated by commas, records by
 * CRLF, LF or CR; quoted fields may hold commas, line breaks and doubled quotes; a leading UTF-8 BOM is
 * dropped. Malformed input (a quote inside an unquoted field, text after a closing quote, an unclosed
 * quote, a record with the wrong number of fields) is a `CsvError` with its line, never a silent guess.
 */
import { CsvError as ParserError, parse, type Info } from 'csv-parse/sync';

export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`${message} at line ${line}`);
    this.name = 'CsvError';
  }
}

/** csv-parse's messages end with their own position; ours say "at line N" once. */
function fromParser(error: unknown): never {
  if (error instanceof ParserError) {
    const reason: Record<string, string> = {
      CSV_QUOTE_NOT_CLOSED: 'unclosed quoted field',
      CSV_INVALID_CLOSING_QUOTE: 'unexpected text after a closing quote',
      INVALID_OPENING_QUOTE: 'quote inside an unquoted field',
    };
    const line = Number((error as unknown as { lines?: number }).lines ?? 0);
    throw new CsvError(reason[error.code] ?? error.message, line);
  }
  throw error;
}

function countLineBreaks(s: string): number {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\r') {
      count++;
      if (s[i + 1] === '\n') i++;
    } else if (s[i] === '\n') count++;
  }
  return count;
}

/** Records with the line each starts on (a record may span lines); blank lines are `[""]` records. */
function parseRecords(input: string): { fields: string[]; line: number }[] {
  let records: { record: string[]; info: Info }[];
  try {
    records = parse(input, { bom: true, info: true, relax_column_count: true, skip_empty_lines: false }) as unknown as { record: string[]; info: Info }[];
  } catch (error) {
    fromParser(error);
  }
  // `info.lines` is the line the record ends on; its fields' own line breaks give the start.
  return records.map(({ record, info }) => ({ fields: record, line: info.lines - record.reduce((n, f) => n + countLineBreaks(f), 0) }));
}

/** Parses CSV text into records of fields. A trailing line break does not make an empty record. */
export function parseCsv(input: string): string[][] {
  return parseRecords(input).map((r) => r.fields);
}

export interface CsvTable {
  header: string[];
  /** Rows keyed by header name, with the 1-based line number of the record's start. */
  rows: { line: number; values: Record<string, string> }[];
}

/**
 * Parses CSV with a header row and checks it has the required columns (extra columns are allowed).
 * Records whose field count differs from the header's are errors; blank lines are skipped.
 */
export function parseCsvTable(input: string, required: readonly string[]): CsvTable {
  const records = parseRecords(input);
  const first = records[0];
  if (!first) throw new CsvError('empty file: no header', 1);
  const header = first.fields.map((h) => h.trim());
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new CsvError(`missing column(s) ${missing.join(', ')} (header: ${header.join(',')})`, 1);
  }
  const rows: CsvTable['rows'] = [];
  for (const { fields, line } of records.slice(1)) {
    if (fields.length === 1 && fields[0] === '') continue; // blank line
    if (fields.length !== header.length) {
      throw new CsvError(`record has ${fields.length} fields, header has ${header.length}`, line);
    }
    const values: Record<string, string> = {};
    header.forEach((h, k) => {
      values[h] = fields[k] ?? '';
    });
    rows.push({ line, values });
  }
  return { header, rows };
}
