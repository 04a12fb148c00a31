/** Loads a fixture page into the test document without innerHTML (scripts are not run). */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export function loadFixture(name: string): Document {
  const html = readFileSync(path.join(import.meta.dirname, '..', 'fixtures', name), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  for (const s of parsed.querySelectorAll('script')) s.remove();
  document.head.replaceChildren(...[...parsed.head.childNodes].map((n) => document.importNode(n, true)));
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
  return document;
}
