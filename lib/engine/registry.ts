/**
 * Every built-in detector, by language. A new detector is one new file plus one line in its
 * language's list; a meta-test checks that every file under detectors/ is listed here.
 */
import type { Detector } from './detector';
import { enDetectors } from './detectors/en';
import { jaDetectors } from './detectors/ja';
import { MessageCatalog } from './messages';

export const detectors: readonly Detector[] = [...jaDetectors, ...enDetectors];

const byId = new Map(detectors.map((d) => [d.meta.id, d]));

export function getDetector(id: string): Detector | undefined {
  return byId.get(id);
}

export function detectorCatalog(list: readonly Detector[] = detectors): MessageCatalog {
  const catalog = new MessageCatalog();
  for (const d of list) {
    for (const [key, text] of Object.entries(d.meta.messages)) catalog.add(`${d.meta.id}:${key}`, text);
  }
  return catalog;
}
