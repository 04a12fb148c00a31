/**
 * Duplicate keys in JSON text. `JSON.parse` keeps the last of two equal keys without a word, so a pack
 * with `"sendGuard": "block"` and, further down, `"sendGuard": "off"` would not do what a reviewer
 * reading the top of the file believes. One linear pass over text that `JSON.parse` has accepted.
 */

export interface DuplicateKey {
  /** Where the repeated key is: `rules.ja/x`, `phrases[2].id`, or the key alone at the top. */
  path: string;
  key: string;
}

type Frame = { kind: 'object'; keys: Set<string>; key?: string; expectKey: boolean } | { kind: 'array'; index: number };

function pathOf(stack: readonly Frame[], last?: string): string {
  let path = '';
  const add = (key: string | number) => {
    if (typeof key === 'number') path += `[${key}]`;
    else path += path === '' ? key : `.${key}`;
  };
  stack.forEach((frame, i) => {
    if (i === stack.length - 1) return;
    if (frame.kind === 'array') add(frame.index);
    else if (frame.key !== undefined) add(frame.key);
  });
  if (last !== undefined) add(last);
  return path;
}

/** Every key that appears twice in one object of `text` (which must be valid JSON). */
export function duplicateKeys(text: string): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const stack: Frame[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '{') {
      stack.push({ kind: 'object', keys: new Set(), expectKey: true });
      i++;
    } else if (c === '[') {
      stack.push({ kind: 'array', index: 0 });
      i++;
    } else if (c === '}' || c === ']') {
      stack.pop();
      i++;
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.kind === 'object') top.expectKey = true;
      else if (top?.kind === 'array') top.index++;
      i++;
    } else if (c === ':') {
      const top = stack[stack.length - 1];
      if (top?.kind === 'object') top.expectKey = false;
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top?.kind === 'object' && top.expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        // Path of the object holding the key: the frames above it, without this frame's previous key.
        top.key = undefined;
        if (top.keys.has(key)) found.push({ path: pathOf([...stack.slice(0, -1), { kind: 'object', keys: new Set(), expectKey: false }], key), key });
        top.keys.add(key);
        top.key = key;
      }
      i = j + 1;
    } else {
      i++;
    }
  }
  return found;
}
