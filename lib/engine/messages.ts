/**
 * Message catalog: finding messages, reasons and fix labels by id, in English and Japanese.
 * Detectors register `<ruleId>:<key>`; policy phrase rules register `<ruleId>:message`.
 */
import type { LocalizedText } from './detector';
import type { MessageRef, UiLang } from './types';

export class MessageCatalog {
  private readonly texts = new Map<string, LocalizedText>();

  add(id: string, text: LocalizedText): void {
    this.texts.set(id, text);
  }

  has(id: string): boolean {
    return this.texts.has(id);
  }

  get(id: string): LocalizedText | undefined {
    return this.texts.get(id);
  }

  /** Renders a message; an unknown id renders as the id itself so nothing is silently lost. */
  format(ref: MessageRef, lang: UiLang = 'en'): string {
    const text = this.texts.get(ref.id);
    if (!text) return ref.id;
    return interpolate(text[lang], ref.data);
  }

  /** A copy with more entries, e.g. the built-in catalog plus a policy's phrase-rule messages. */
  extend(entries: Iterable<[string, LocalizedText]>): MessageCatalog {
    const next = new MessageCatalog();
    for (const [id, t] of this.texts) next.add(id, t);
    for (const [id, t] of entries) next.add(id, t);
    return next;
  }

  entries(): IterableIterator<[string, LocalizedText]> {
    return this.texts.entries();
  }
}

export function interpolate(template: string, data: MessageRef['data']): string {
  if (!data) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : whole,
  );
}
