/** Test doubles for compose sessions: a scripted coach client and a DOM-editing adapter. */
import type { CoachClient } from '../../lib/compose/client';
import type { CoachingContext, SettingsSource } from '../../lib/compose/manager';
import type { Finding, Report } from '../../lib/engine/types';
import type { HostAdapter, ReplaceRequest } from '../../lib/hosts/types';
import type { AnalyzeResponse, DraftContext } from '../../lib/contract/messages';

export const COVERAGE = {
  problem: true,
  apology: false,
  cause: false,
  remedy: false,
  nextStep: true,
  commitment: false,
  owner: false,
  greeting: true,
  closing: false,
};

/** A ja/missing-apology finding inserting before `before` in `text`. */
export function missingApology(text: string, before: string): Finding {
  const at = text.indexOf(before);
  if (at < 0) throw new Error(`"${before}" not in text`);
  return {
    ruleId: 'ja/missing-apology',
    kind: 'apology',
    level: 'warn',
    start: at,
    end: at,
    message: { id: 'ja/missing-apology:missing' },
    reason: { id: 'ja/missing-apology:reason' },
    fixes: [{ label: { id: 'ja/missing-apology:insert' }, edits: [{ start: at, end: at, text: '申し訳ございません。' }] }],
  };
}

export function casual(text: string, word: string): Finding {
  const start = text.indexOf(word);
  if (start < 0) throw new Error(`"${word}" not in text`);
  return {
    ruleId: 'ja/missing-apology',
    kind: 'apology',
    level: 'warn',
    start,
    end: start + word.length,
    message: { id: 'ja/missing-apology:casual', data: { casual: word } },
    reason: { id: 'ja/missing-apology:reason' },
    fixes: [{ label: { id: 'ja/missing-apology:upgrade' }, edits: [{ start, end: start + word.length, text: '申し訳ございません' }] }],
  };
}

export function readyAnswer(text: string, findings: Finding[], market = 'jp', uiLang: 'en' | 'ja' = 'en'): AnalyzeResponse {
  const report: Report = { lang: 'ja', market, findings, scores: { formality: 0.8 }, coverage: COVERAGE, cues: [] };
  return {
    ok: true,
    state: 'ready',
    market: { id: market, name: market === 'jp' ? (uiLang === 'ja' ? '日本' : 'Japan') : 'United States', source: 'setting' },
    uiLang,
    report,
    rendered: findings.map((f) => ({
      message: `message for ${f.message.id}`,
      reason: `reason for ${f.ruleId}`,
      fixes: f.fixes.map((x) => `label ${x.label.id}`),
    })),
  };
}

/** A client whose answers a test script computes from the text it is asked about. */
export class ScriptedClient implements CoachClient {
  calls: { text: string; context: DraftContext }[] = [];
  warms = 0;
  warmResult = true;
  constructor(public answer: (text: string, call: number) => AnalyzeResponse | Promise<AnalyzeResponse>) {}
  async analyze(text: string, context: DraftContext): Promise<AnalyzeResponse> {
    this.calls.push({ text, context });
    return this.answer(text, this.calls.length);
  }
  async warm(): Promise<boolean> {
    this.warms++;
    return this.warmResult;
  }
}

/** Edits the DOM range directly and fires input, like a browser's insertText would. */
export function domReplace(editable: HTMLElement, request: ReplaceRequest): Promise<boolean> {
  const range = request.range!;
  range.deleteContents();
  if (request.text) range.insertNode(editable.ownerDocument.createTextNode(request.text));
  editable.dispatchEvent(new Event('input', { bubbles: true }));
  return Promise.resolve(true);
}

export function fakeAdapter(overrides: Partial<HostAdapter> = {}): HostAdapter & { replaced: ReplaceRequest[] } {
  const replaced: ReplaceRequest[] = [];
  return {
    id: 'gmail',
    watchAttributes: [],
    findComposeBoxes: (root) => [...root.querySelectorAll<HTMLElement>('[contenteditable="true"], textarea')],
    isCoached: () => true,
    isExcluded: (el) => el.matches('.quote'),
    readContext: () => ({ customerName: 'Tanaka' }),
    findSendControls: () => [],
    replace: async (editable, request) => {
      replaced.push(request);
      return domReplace(editable, request);
    },
    ...overrides,
    replaced,
  };
}

export async function settle(ms = 5): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, ms));
}

/** The content script's context (WXT's ContentScriptContext) for startCoaching. */
export class FakeContext implements CoachingContext {
  private readonly controller = new AbortController();
  get isValid() {
    return !this.controller.signal.aborted;
  }
  onInvalidated(cb: () => void) {
    this.controller.signal.addEventListener('abort', cb);
    return () => this.controller.signal.removeEventListener('abort', cb);
  }
  addEventListener(target: Window, type: 'wxt:locationchange', handler: (e: Event) => void) {
    target.addEventListener(type, handler, { signal: this.controller.signal });
  }
  notifyInvalidated() {
    this.controller.abort();
  }
}

/** storage as the content script sees it: stored values, and changes announced per area. */
export class FakeSettings implements SettingsSource {
  values: Record<string, unknown> = {};
  listeners: ((changes: Record<string, unknown>, area: string) => void)[] = [];
  async get() {
    return this.values;
  }
  onChanged(listener: (changes: Record<string, unknown>, area: string) => void) {
    this.listeners.push(listener);
    return () => (this.listeners = this.listeners.filter((l) => l !== listener));
  }
  change(changes: Record<string, unknown>, area = 'sync') {
    if (area === 'sync') Object.assign(this.values, changes);
    for (const l of this.listeners) l(changes, area);
  }
}
