/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF (LF and lone CR accepted too); a field in
 * double quotes may hold commas, line breaks and doubled quotes (`""` → `"`). A leading UTF-8 BOM is
 * dropped. Malformed input (a quote inside an unquoted field, text after a closing quote, an unclosed
 * quote) is an error with its line and column, never a silent guess.
 */

export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${message} at line ${line}, column ${column}`);
    this.name = 'CsvError';
  }
}

/** Parses CSV text into records of fields. A trailing line break does not make an empty record. */
export function parseCsv(input: string): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const n = text.length;
  // Whether the current record has started (so that "a\n" does not yield a trailing [""] record).
  let inRecord = false;

  const endRecord = () => {
    record.push(field);
    records.push(record);
    record = [];
    field = '';
    inRecord = false;
  };
  const lineBreakLength = (at: number): number => {
    const c = text[at];
    if (c === '\r') return text[at + 1] === '\n' ? 2 : 1;
    if (c === '\n') return 1;
    return 0;
  };

  while (i < n) {
    const c = text[i];
    if (c === '"' && field === '' ) {
      // Quoted field: runs to the next lone quote.
      const openLine = line;
      const openColumn = i - lineStart + 1;
      i++;
      let closed = false;
      while (i < n) {
        const d = text[i];
        if (d === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        const br = lineBreakLength(i);
        if (br > 0) {
          field += text.slice(i, i + br);
          i += br;
          line++;
          lineStart = i;
          continue;
        }
        field += d;
        i++;
      }
      if (!closed) throw new CsvError('unclosed quoted field', openLine, openColumn);
      inRecord = true;
      // After the closing quote: a separator, a line break or the end.
      if (i < n && text[i] !== ',' && lineBreakLength(i) === 0) {
        throw new CsvError('unexpected text after a closing quote', line, i - lineStart + 1);
      }
      // Mark that the field was quoted even if empty, so `""` is a real (empty) field.
      if (i >= n) {
        endRecord();
        break;
      }
      continue;
    }
    if (c === ',') {
      record.push(field);
      field = '';
      inRecord = true;
      i++;
      continue;
    }
    const br = lineBreakLength(i);
    if (br > 0) {
      endRecord();
      i += br;
      line++;
      lineStart = i;
      continue;
    }
    if (c === '"') throw new CsvError('quote inside an unquoted field', line, i - lineStart + 1);
    field += c;
    inRecord = true;
    i++;
  }
  if (inRecord || field !== '') endRecord();
  return records;
}

export interface CsvTable {
  header: string[];
  /** Rows keyed by header name, with the 1-based line number of the record's start. */
  rows: { line: number; values: Record<string, string> }[];
}

/**
 * Parses CSV with a header row and checks it has the required columns (extra columns are allowed).
 * Records whose field count differs from the header's are errors.
 */
export function parseCsvTable(input: string, required: readonly string[]): CsvTable {
  const records = parseCsvWithLines(input);
  const first = records[0];
  if (!first) throw new CsvError('empty file: no header', 1, 1);
  const header = first.fields.map((h) => h.trim());
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new CsvError(`missing column(s) ${missing.join(', ')} (header: ${header.join(',')})`, 1, 1);
  }
  const rows: CsvTable['rows'] = [];
  for (const { fields, line } of records.slice(1)) {
    if (fields.length === 1 && fields[0] === '') continue; // blank line
    if (fields.length !== header.length) {
      throw new CsvError(`record has ${fields.length} fields, header has ${header.length}`, line, 1);
    }
    const values: Record<string, string> = {};
    header.forEach((h, k) => {
      values[h] = fields[k] ?? '';
    });
    rows.push({ line, values });
  }
  return { header, rows };
}

/** Like parseCsv, with the line each record starts on (records may span lines). */
function parseCsvWithLines(input: string): { fields: string[]; line: number }[] {
  const records = parseCsv(input);
  // Recover start lines by counting line breaks inside each record's fields.
  const out: { fields: string[]; line: number }[] = [];
  let line = 1;
  for (const fields of records) {
    out.push({ fields, line });
    let breaks = 0;
    for (const f of fields) breaks += countLineBreaks(f);
    line += breaks + 1;
  }
  return out;
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
