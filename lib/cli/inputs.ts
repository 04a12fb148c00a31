/**
 * What `tonebridge check` reads: files, `-` (stdin), folders (every `.txt`, `.md` and `.json` file under
 * them) and globs (`macros/**\/*.txt`, expanded here so they work the same in every shell and on
 * Windows), and helpdesk macro exports — a `.json` file holding macros, each of which is checked as its
 * own reply.
 *
 * Macro JSON: Zendesk's export (`GET /api/v2/macros.json`: `{ "macros": [{ "title", "actions": [{ "field":
 * "comment_value" | "comment_value_html", "value" }] }] }`), a single `{ "macro": … }`, or a plain
 * array of `{ "title", "body" }`.
 */
import path from 'node:path';
import { UsageError } from './args';
import type { CliIo } from './io';

/** One reply to check. `file` is where it came from (for annotations); `title` names a macro in it. */
export interface CheckInput {
  name: string;
  file: string;
  title?: string;
  text: string;
}

const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.json']);
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export function isGlob(arg: string): boolean {
  return arg.includes('*') || arg.includes('?');
}

/**
 * Whether a name matches one glob segment (`*` any run of characters, `?` one character; a leading
 * dot is matched only by a literal dot, as in shells). Greedy with one backtrack point: O(n·m) at worst.
 */
export function matchSegment(pattern: string, name: string): boolean {
  if (name.startsWith('.') && !pattern.startsWith('.')) return false;
  const p = [...pattern];
  const n = [...name];
  let pi = 0;
  let ni = 0;
  let star = -1;
  let mark = 0;
  while (ni < n.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === n[ni])) {
      pi++;
      ni++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = ni;
    } else if (star >= 0) {
      pi = star + 1;
      ni = ++mark;
    } else return false;
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

async function walk(io: Required<Pick<CliIo, 'readDir'>>, dir: string, segments: string[], out: string[]): Promise<void> {
  if (segments.length === 0) return;
  const [segment, ...rest] = segments as [string, ...string[]];
  let entries: { name: string; dir: boolean }[];
  try {
    entries = await io.readDir(dir);
  } catch {
    return;
  }
  if (segment === '**') {
    await walk(io, dir, rest, out); // zero folders
    for (const e of entries) {
      if (e.dir && !e.name.startsWith('.') && !SKIPPED_DIRS.has(e.name)) await walk(io, path.join(dir, e.name), segments, out);
    }
    return;
  }
  for (const e of entries) {
    if (!matchSegment(segment, e.name)) continue;
    const full = path.join(dir, e.name);
    if (rest.length === 0) {
      if (!e.dir) out.push(full);
    } else if (e.dir) await walk(io, full, rest, out);
  }
}

/** Files a glob names, sorted; the part before the first wildcard is taken literally. */
export async function expandGlob(pattern: string, io: CliIo): Promise<string[]> {
  if (!io.readDir) throw new UsageError(`cannot expand ${pattern} here`);
  const parts = pattern.split(/[/\\]/);
  const first = parts.findIndex(isGlob);
  const base = first === 0 ? (pattern.startsWith('/') ? '/' : '.') : parts.slice(0, first).join('/') || '/';
  const out: string[] = [];
  await walk({ readDir: io.readDir.bind(io) }, base, parts.slice(first), out);
  const shown = first === 0 && !pattern.startsWith('/') ? out.map((f) => path.relative('.', f)) : out;
  return [...new Set(shown)].sort();
}

async function listFolder(dir: string, io: CliIo, out: string[]): Promise<void> {
  const entries = await io.readDir!(dir);
  for (const e of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith('.') || SKIPPED_DIRS.has(e.name)) continue;
    const full = path.join(dir, e.name);
    if (e.dir) await listFolder(full, io, out);
    else if (TEXT_EXTENSIONS.has(path.extname(e.name).toLowerCase())) out.push(full);
  }
}

/** Turns the command line's FILE|DIR|GLOB|- arguments into the list of files to read, in order. */
export async function resolvePaths(args: readonly string[], io: CliIo): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    if (arg === '-') files.push(arg);
    else if (isGlob(arg)) {
      const matched = await expandGlob(arg, io);
      if (matched.length === 0) throw new UsageError(`no file matches ${arg}`);
      files.push(...matched);
    } else if (io.isDirectory && (await io.isDirectory(arg))) {
      const listed: string[] = [];
      await listFolder(arg, io, listed);
      if (listed.length === 0) throw new UsageError(`no .txt, .md or .json file in ${arg}`);
      files.push(...listed);
    } else files.push(arg);
  }
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('stdin (-) given twice');
  return files;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const BLOCK_END = new Set(['br', 'p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote']);

/** A macro's HTML comment as the agent would see its text: tags dropped, blocks and `<br>` as line breaks. */
export function htmlToText(html: string): string {
  let out = '';
  let i = 0;
  while (i < html.length) {
    const c = html[i]!;
    if (c === '<') {
      const close = html.indexOf('>', i);
      if (close < 0) {
        out += html.slice(i); // a lone `<` is text
        break;
      }
      const tag = html.slice(i + 1, close).trim();
      const name = (tag.startsWith('/') ? tag.slice(1) : tag).split(/[\s/]/)[0]!.toLowerCase();
      if (BLOCK_END.has(name) && (tag.startsWith('/') || name === 'br')) out += '\n';
      i = close + 1;
    } else if (c === '&') {
      const semi = html.indexOf(';', i);
      const entity = semi > i && semi - i <= 10 ? html.slice(i + 1, semi) : '';
      const code = entity.startsWith('#x') || entity.startsWith('#X') ? parseInt(entity.slice(2), 16) : entity.startsWith('#') ? parseInt(entity.slice(1), 10) : NaN;
      const decoded = ENTITIES[entity] ?? (Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined);
      if (decoded === undefined) {
        out += c;
        i++;
      } else {
        out += decoded;
        i = semi + 1;
      }
    } else {
      out += c;
      i++;
    }
  }
  return out
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

type Json = unknown;

function macroBody(macro: Record<string, Json>): string | undefined {
  if (typeof macro.body === 'string') return macro.body;
  if (!Array.isArray(macro.actions)) return undefined;
  const texts: string[] = [];
  for (const action of macro.actions as Json[]) {
    if (!action || typeof action !== 'object') continue;
    const { field, value } = action as { field?: Json; value?: Json };
    // Zendesk gives `comment_value` as text or as ["channel:all", text].
    const raw = Array.isArray(value) ? value.findLast((v) => typeof v === 'string') : value;
    if (typeof raw !== 'string') continue;
    if (field === 'comment_value') texts.push(raw);
    else if (field === 'comment_value_html') texts.push(htmlToText(raw));
  }
  return texts.length > 0 ? texts.join('\n\n') : undefined;
}

/** The macros in a JSON export, each as its own input; a clear error if the JSON holds no macros. */
export function macrosOf(file: string, json: string): CheckInput[] {
  let data: Json;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const record = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, Json>) : undefined;
  const list = Array.isArray(data) ? data : Array.isArray(record?.macros) ? (record.macros as Json[]) : record?.macro ? [record.macro] : undefined;
  if (!list) throw new UsageError(`${file}: expected macros (Zendesk's {"macros": [...]} export or an array of {"title", "body"})`);
  const inputs: CheckInput[] = [];
  list.forEach((item, i) => {
    if (!item || typeof item !== 'object') throw new UsageError(`${file}: macro ${i + 1} is not an object`);
    const macro = item as Record<string, Json>;
    const title = typeof macro.title === 'string' && macro.title.trim() ? macro.title : `#${i + 1}`;
    const body = macroBody(macro);
    if (body === undefined) return; // a macro that only sets fields (status, tags) has no reply to coach
    inputs.push({ name: `${file} › ${title}`, file, title, text: body });
  });
  return inputs;
}
