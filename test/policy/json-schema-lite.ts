/**
 * A small JSON Schema (draft 2020-12) checker for the keywords dictionaries/pack.schema.json uses —
 * enough to test that the schema and the hand-written validator agree. An unsupported keyword is an
 * error, so the schema cannot grow a keyword this checker silently ignores.
 */

type Schema = Record<string, unknown> | boolean;

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', '$defs']);
const SUPPORTED = new Set([
  ...ANNOTATIONS,
  '$ref',
  'type',
  'const',
  'enum',
  'required',
  'properties',
  'additionalProperties',
  'propertyNames',
  'maxProperties',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'oneOf',
  'allOf',
  'if',
  'then',
  'not',
]);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function keywordsOf(schema: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const s of schema) keywordsOf(s, out);
  else if (isObject(schema)) {
    for (const [k, v] of Object.entries(schema)) {
      out.add(k);
      if (k === 'properties' || k === '$defs') for (const sub of Object.values(v as object)) keywordsOf(sub, out);
      else if (k !== 'enum' && k !== 'const' && k !== 'required') keywordsOf(v, out);
    }
  }
  return out;
}

/** Errors of `value` against `schema` (empty when valid), as "path: keyword" strings. */
export function checkSchema(root: Record<string, unknown>, value: unknown): string[] {
  const errors: string[] = [];
  const resolve = (ref: string): Schema => {
    if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`);
    let node: unknown = root;
    for (const part of ref.slice(2).split('/')) node = (node as Record<string, unknown>)[part];
    if (node === undefined) throw new Error(`dangling $ref ${ref}`);
    return node as Schema;
  };
  const check = (schema: Schema, v: unknown, path: string): boolean => {
    if (schema === true) return true;
    if (schema === false) {
      errors.push(`${path}: false`);
      return false;
    }
    const before = errors.length;
    const fail = (keyword: string) => errors.push(`${path}: ${keyword}`);
    for (const key of Object.keys(schema)) if (!SUPPORTED.has(key)) throw new Error(`unsupported keyword ${key}`);
    if (typeof schema.$ref === 'string') check(resolve(schema.$ref), v, path);
    if (schema.type !== undefined) {
      const t = typeOf(v);
      const want = schema.type as string;
      if (!(t === want || (want === 'number' && t === 'integer'))) fail('type');
    }
    if ('const' in schema && !same(schema.const, v)) fail('const');
    if (Array.isArray(schema.enum) && !schema.enum.some((e) => same(e, v))) fail('enum');
    if (isObject(v)) {
      for (const r of (schema.required as string[] | undefined) ?? []) if (!(r in v)) fail(`required ${r}`);
      const props = (schema.properties as Record<string, Schema> | undefined) ?? {};
      for (const [k, sub] of Object.entries(v)) {
        if (k in props) check(props[k]!, sub, `${path}/${k}`);
        else if (schema.additionalProperties !== undefined) check(schema.additionalProperties as Schema, sub, `${path}/${k}`);
        if (schema.propertyNames !== undefined) check(schema.propertyNames as Schema, k, `${path}/${k}(name)`);
      }
      if (typeof schema.maxProperties === 'number' && Object.keys(v).length > schema.maxProperties) fail('maxProperties');
    }
    if (Array.isArray(v)) {
      if (schema.items !== undefined) v.forEach((item, i) => check(schema.items as Schema, item, `${path}/${i}`));
      if (typeof schema.minItems === 'number' && v.length < schema.minItems) fail('minItems');
      if (typeof schema.maxItems === 'number' && v.length > schema.maxItems) fail('maxItems');
      if (schema.uniqueItems === true && new Set(v.map((x) => JSON.stringify(x))).size !== v.length) fail('uniqueItems');
    }
    if (typeof v === 'string') {
      const length = [...v].length; // JSON Schema counts code points
      if (typeof schema.minLength === 'number' && length < schema.minLength) fail('minLength');
      if (typeof schema.maxLength === 'number' && length > schema.maxLength) fail('maxLength');
      if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(v)) fail('pattern');
    }
    if (typeof v === 'number') {
      if (typeof schema.minimum === 'number' && v < schema.minimum) fail('minimum');
      if (typeof schema.maximum === 'number' && v > schema.maximum) fail('maximum');
    }
    const quietly = (s: Schema) => {
      const mark = errors.length;
      const ok = check(s, v, path);
      errors.length = mark;
      return ok;
    };
    if (Array.isArray(schema.allOf)) for (const s of schema.allOf as Schema[]) check(s, v, path);
    if (Array.isArray(schema.oneOf) && (schema.oneOf as Schema[]).filter(quietly).length !== 1) fail('oneOf');
    if (schema.not !== undefined && quietly(schema.not as Schema)) fail('not');
    if (schema.if !== undefined && quietly(schema.if as Schema) && schema.then !== undefined) check(schema.then as Schema, v, path);
    return errors.length === before;
  };
  check(root, value, '');
  return errors;
}
