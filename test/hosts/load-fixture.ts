/** Loads a fixture page into the test document without innerHTML (scripts are not run, links not fetched). */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export function loadFixture(name: string): Document {
  // happy-dom would fetch stylesheets while parsing: drop <link> tags from the source first.
  const html = readFileSync(path.join(import.meta.dirname, '..', 'fixtures', name), 'utf8').replace(/<link\b[^>]*>/g, '');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  // No scripts: the adapter tests read the DOM shapes only.
  for (const s of parsed.querySelectorAll('script')) s.remove();
  document.head.replaceChildren(...[...parsed.head.childNodes].map((n) => document.importNode(n, true)));
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
  return document;
}
