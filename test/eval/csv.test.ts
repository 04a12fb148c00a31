import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv, parseCsvTable } from '../../lib/eval/csv';

describe('parseCsv (RFC 4180, csv-parse)', () => {
  it('splits plain fields and records, with or without a final line break', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
  it('accepts CRLF and lone CR record separators', () => {
    expect(parseCsv('a,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a\r1\r')).toEqual([['a'], ['1']]);
  });
  it('drops a UTF-8 BOM', () => {
    expect(parseCsv('\uFEFF本文,Level\nです,1\n')).toEqual([
      ['本文', 'Level'],
      ['です', '1'],
    ]);
  });
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('id,text\n1,"Hello, ""world""\r\nline two"\n2,x\n')).toEqual([
      ['id', 'text'],
      ['1', 'Hello, "world"\r\nline two'],
      ['2', 'x'],
    ]);
  });
  it('keeps empty fields, quoted or not', () => {
    expect(parseCsv('a,,c\n"",x,\n')).toEqual([
      ['a', '', 'c'],
      ['', 'x', ''],
    ]);
    expect(parseCsv('""')).toEqual([['']]);
  });
  it('rejects malformed quoting with its line', () => {
    expect(() => parseCsv('a,b\n1,"open\n')).toThrow(/^unclosed quoted field at line 2$/);
    expect(() => parseCsv('a,b\n"b"c\n')).toThrow(/^unexpected text after a closing quote at line 2$/);
    expect(() => parseCsv('a,b"c\n')).toThrow(CsvError);
    expect(() => parseCsv('a,b"c\n')).toThrow(/^quote inside an unquoted field at line 1$/);
  });
  it('counts record start lines across quoted line breaks in error messages and tables', () => {
    expect(() => parseCsvTable('a,b\n"x\ny",1\n2\n', ['a'])).toThrow('record has 1 fields, header has 2 at line 4');
  });
});

describe('parseCsvTable', () => {
  it('maps rows by header and reports each record start line', () => {
    const table = parseCsvTable('id,request,score\n1,"two\nlines",0.5\n2,x,-1\n', ['id', 'request', 'score']);
    expect(table.header).toEqual(['id', 'request', 'score']);
    expect(table.rows).toEqual([
      { line: 2, values: { id: '1', request: 'two\nlines', score: '0.5' } },
      { line: 4, values: { id: '2', request: 'x', score: '-1' } },
    ]);
  });
  it('names missing columns and rejects ragged records', () => {
    expect(() => parseCsvTable('id,text\n1,x\n', ['id', 'request', 'score'])).toThrow(/missing column\(s\) request, score/);
    expect(() => parseCsvTable('id,request\n1,x\n2\n', ['id', 'request'])).toThrow('record has 1 fields, header has 2 at line 3');
    expect(() => parseCsvTable('', ['id'])).toThrow(/empty file/);
  });
  it('skips blank lines between records', () => {
    expect(parseCsvTable('a\n1\n\n2\n', ['a']).rows.map((r) => r.values['a'])).toEqual(['1', '2']);
  });
});
