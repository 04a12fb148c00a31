import { describe, expect, it } from 'vitest';
import { isBoxStatus, isPanelMessage, PANEL_LIMITS, parsePanelAnswer, parsePanelRequest, parseSettingsPatch } from '../../lib/contract/panel';

const KEY = 'O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik=';

describe('parsePanelRequest: accepted messages', () => {
  it.each([
    [{ type: 'tonebridge/panel/state' }, { type: 'tonebridge/panel/state' }],
    [{ type: 'tonebridge/panel/state', tabId: 0 }, { type: 'tonebridge/panel/state', tabId: 0 }],
    [{ type: 'tonebridge/panel/state', tabId: 1234 }, { type: 'tonebridge/panel/state', tabId: 1234 }],
    [
      { type: 'tonebridge/panel/settings', patch: { market: 'jp' } },
      { type: 'tonebridge/panel/settings', patch: { market: 'jp' } },
    ],
    [
      { type: 'tonebridge/panel/settings', patch: { market: null, enabled: false, sites: { 'mail.google.com': false, 'acme.zendesk.com': null } } },
      { type: 'tonebridge/panel/settings', patch: { market: null, enabled: false, sites: { 'mail.google.com': false, 'acme.zendesk.com': null } } },
    ],
    [
      {
        type: 'tonebridge/panel/settings',
        patch: {
          uiLang: 'ja',
          agentName: 'Sato',
          sendGuardOff: true,
          rules: { 'ja/missing-apology': { enabled: false }, 'en/hedging': { level: 'warn' }, 'en/x': null },
          phrases: [{ phrase: 'ASAP', replacement: 'as soon as we can', lang: 'en' }, { phrase: '了解しました' }],
        },
      },
      {
        type: 'tonebridge/panel/settings',
        patch: {
          uiLang: 'ja',
          agentName: 'Sato',
          sendGuardOff: true,
          rules: { 'ja/missing-apology': { enabled: false }, 'en/hedging': { level: 'warn' }, 'en/x': null },
          phrases: [{ phrase: 'ASAP', replacement: 'as soon as we can', lang: 'en' }, { phrase: '了解しました' }],
        },
      },
    ],
    [
      { type: 'tonebridge/panel/settings', patch: { agentName: '' } },
      { type: 'tonebridge/panel/settings', patch: { agentName: '' } },
    ],
    [
      { type: 'tonebridge/panel/import', text: '{"id":"acme"}', fileName: 'acme.json' },
      { type: 'tonebridge/panel/import', text: '{"id":"acme"}', fileName: 'acme.json' },
    ],
    [{ type: 'tonebridge/panel/import', text: '' }, { type: 'tonebridge/panel/import', text: '' }],
    [{ type: 'tonebridge/panel/remove-import', packId: 'acme/support' }, { type: 'tonebridge/panel/remove-import', packId: 'acme/support' }],
    [
      { type: 'tonebridge/panel/subscribe', url: 'https://packs.example.com/acme.json', publicKey: ` ${KEY} ` },
      { type: 'tonebridge/panel/subscribe', url: 'https://packs.example.com/acme.json', publicKey: KEY },
    ],
    [
      { type: 'tonebridge/panel/unsubscribe', url: 'http://old.example.com/p.json' },
      { type: 'tonebridge/panel/unsubscribe', url: 'http://old.example.com/p.json' },
    ],
    [{ type: 'tonebridge/panel/refresh' }, { type: 'tonebridge/panel/refresh' }],
    [
      { type: 'tonebridge/panel/refresh', url: 'https://packs.example.com/acme.json' },
      { type: 'tonebridge/panel/refresh', url: 'https://packs.example.com/acme.json' },
    ],
  ])('%j', (message, expected) => {
    expect(parsePanelRequest(message)).toEqual({ ok: true, value: expected });
  });
});

describe('parsePanelRequest: every rejection names the field', () => {
  const long = (n: number) => 'a'.repeat(n);
  it.each<[string, unknown, string]>([
    ['not an object', 'tonebridge/panel/state', ''],
    ['null', null, ''],
    ['an array', [{ type: 'tonebridge/panel/state' }], ''],
    ['no type', {}, 'type'],
    ['unknown type', { type: 'tonebridge/panel/delete-everything' }, 'type'],
    ['a content-script type', { type: 'tonebridge/analyze', text: '' }, 'type'],
    ['type not a string', { type: 7 }, 'type'],
    // state
    ['state: extra field', { type: 'tonebridge/panel/state', host: 'x' }, 'host'],
    ['state: negative tab', { type: 'tonebridge/panel/state', tabId: -1 }, 'tabId'],
    ['state: fractional tab', { type: 'tonebridge/panel/state', tabId: 1.5 }, 'tabId'],
    ['state: string tab', { type: 'tonebridge/panel/state', tabId: '3' }, 'tabId'],
    // settings
    ['settings: no patch', { type: 'tonebridge/panel/settings' }, 'patch'],
    ['settings: patch not an object', { type: 'tonebridge/panel/settings', patch: [] }, 'patch'],
    ['settings: empty patch', { type: 'tonebridge/panel/settings', patch: {} }, 'patch'],
    ['settings: extra field', { type: 'tonebridge/panel/settings', patch: { market: 'jp' }, force: true }, 'force'],
    ['settings: unknown key', { type: 'tonebridge/panel/settings', patch: { locked: [] } }, 'patch.locked'],
    ['settings: market number', { type: 'tonebridge/panel/settings', patch: { market: 1 } }, 'patch.market'],
    ['settings: market shape', { type: 'tonebridge/panel/settings', patch: { market: 'JP!' } }, 'patch.market'],
    ['settings: market too long', { type: 'tonebridge/panel/settings', patch: { market: long(PANEL_LIMITS.market + 1) } }, 'patch.market'],
    ['settings: uiLang', { type: 'tonebridge/panel/settings', patch: { uiLang: 'fr' } }, 'patch.uiLang'],
    ['settings: agentName type', { type: 'tonebridge/panel/settings', patch: { agentName: 5 } }, 'patch.agentName'],
    ['settings: agentName newline', { type: 'tonebridge/panel/settings', patch: { agentName: 'Sato\nAdmin' } }, 'patch.agentName'],
    ['settings: agentName too long', { type: 'tonebridge/panel/settings', patch: { agentName: long(PANEL_LIMITS.agentName + 1) } }, 'patch.agentName'],
    ['settings: enabled string', { type: 'tonebridge/panel/settings', patch: { enabled: 'yes' } }, 'patch.enabled'],
    ['settings: sendGuardOff number', { type: 'tonebridge/panel/settings', patch: { sendGuardOff: 0 } }, 'patch.sendGuardOff'],
    ['settings: rules list', { type: 'tonebridge/panel/settings', patch: { rules: [] } }, 'patch.rules'],
    ['settings: rule not object', { type: 'tonebridge/panel/settings', patch: { rules: { 'ja/x': 'off' } } }, 'patch.rules.ja/x'],
    ['settings: rule extra', { type: 'tonebridge/panel/settings', patch: { rules: { 'ja/x': { on: true } } } }, 'patch.rules.ja/x.on'],
    ['settings: rule enabled', { type: 'tonebridge/panel/settings', patch: { rules: { 'ja/x': { enabled: 1 } } } }, 'patch.rules.ja/x.enabled'],
    ['settings: rule level off', { type: 'tonebridge/panel/settings', patch: { rules: { 'ja/x': { level: 'off' } } } }, 'patch.rules.ja/x.level'],
    ['settings: rule key __proto__', { type: 'tonebridge/panel/settings', patch: { rules: JSON.parse('{"__proto__":{"enabled":true}}') } }, 'patch.rules.__proto__'],
    ['settings: rule key empty', { type: 'tonebridge/panel/settings', patch: { rules: { '': {} } } }, 'patch.rules.'],
    [
      'settings: too many rules',
      { type: 'tonebridge/panel/settings', patch: { rules: Object.fromEntries(Array.from({ length: PANEL_LIMITS.patchEntries + 1 }, (_, i) => [`r${i}`, null])) } },
      'patch.rules',
    ],
    ['settings: site value', { type: 'tonebridge/panel/settings', patch: { sites: { 'mail.google.com': 'off' } } }, 'patch.sites.mail.google.com'],
    ['settings: site key control', { type: 'tonebridge/panel/settings', patch: { sites: { 'a\nb': true } } }, 'patch.sites.a\nb'],
    ['settings: phrases not list', { type: 'tonebridge/panel/settings', patch: { phrases: { phrase: 'x' } } }, 'patch.phrases'],
    [
      'settings: too many phrases',
      { type: 'tonebridge/panel/settings', patch: { phrases: Array.from({ length: PANEL_LIMITS.phrases + 1 }, () => ({ phrase: 'x' })) } },
      'patch.phrases',
    ],
    ['settings: phrase not object', { type: 'tonebridge/panel/settings', patch: { phrases: ['ASAP'] } }, 'patch.phrases[0]'],
    ['settings: phrase blank', { type: 'tonebridge/panel/settings', patch: { phrases: [{ phrase: 'ok' }, { phrase: '  ' }] } }, 'patch.phrases[1].phrase'],
    ['settings: phrase missing', { type: 'tonebridge/panel/settings', patch: { phrases: [{ replacement: 'x' }] } }, 'patch.phrases[0].phrase'],
    ['settings: phrase too long', { type: 'tonebridge/panel/settings', patch: { phrases: [{ phrase: long(PANEL_LIMITS.phraseLength + 1) }] } }, 'patch.phrases[0].phrase'],
    ['settings: replacement type', { type: 'tonebridge/panel/settings', patch: { phrases: [{ phrase: 'a', replacement: 2 }] } }, 'patch.phrases[0].replacement'],
    ['settings: phrase lang', { type: 'tonebridge/panel/settings', patch: { phrases: [{ phrase: 'a', lang: 'fr' }] } }, 'patch.phrases[0].lang'],
    ['settings: phrase extra', { type: 'tonebridge/panel/settings', patch: { phrases: [{ phrase: 'a', level: 'block' }] } }, 'patch.phrases[0].level'],
    // import
    ['import: no text', { type: 'tonebridge/panel/import', fileName: 'a.json' }, 'text'],
    ['import: text not string', { type: 'tonebridge/panel/import', text: { id: 'x' } }, 'text'],
    ['import: text too long', { type: 'tonebridge/panel/import', text: long(PANEL_LIMITS.importText + 1) }, 'text'],
    ['import: fileName type', { type: 'tonebridge/panel/import', text: '{}', fileName: 3 }, 'fileName'],
    ['import: fileName too long', { type: 'tonebridge/panel/import', text: '{}', fileName: long(PANEL_LIMITS.fileName + 1) }, 'fileName'],
    ['import: fileName control', { type: 'tonebridge/panel/import', text: '{}', fileName: 'a\u0000.json' }, 'fileName'],
    ['import: extra field', { type: 'tonebridge/panel/import', text: '{}', source: 'managed' }, 'source'],
    // remove-import
    ['remove-import: no id', { type: 'tonebridge/panel/remove-import' }, 'packId'],
    ['remove-import: empty id', { type: 'tonebridge/panel/remove-import', packId: '' }, 'packId'],
    ['remove-import: id too long', { type: 'tonebridge/panel/remove-import', packId: long(PANEL_LIMITS.packId + 1) }, 'packId'],
    ['remove-import: slot instead', { type: 'tonebridge/panel/remove-import', slot: 'managed:policy' }, 'slot'],
    // subscribe
    ['subscribe: http', { type: 'tonebridge/panel/subscribe', url: 'http://packs.example.com/a.json', publicKey: KEY }, 'url'],
    ['subscribe: file url', { type: 'tonebridge/panel/subscribe', url: 'file:///etc/passwd', publicKey: KEY }, 'url'],
    ['subscribe: not a url', { type: 'tonebridge/panel/subscribe', url: 'packs.example.com/a.json', publicKey: KEY }, 'url'],
    ['subscribe: no url', { type: 'tonebridge/panel/subscribe', publicKey: KEY }, 'url'],
    ['subscribe: url too long', { type: 'tonebridge/panel/subscribe', url: `https://a.example/${long(PANEL_LIMITS.url)}`, publicKey: KEY }, 'url'],
    ['subscribe: no key', { type: 'tonebridge/panel/subscribe', url: 'https://a.example/p.json' }, 'publicKey'],
    ['subscribe: key too long', { type: 'tonebridge/panel/subscribe', url: 'https://a.example/p.json', publicKey: long(PANEL_LIMITS.publicKey + 1) }, 'publicKey'],
    ['subscribe: extra', { type: 'tonebridge/panel/subscribe', url: 'https://a.example/p.json', publicKey: KEY, source: 'managed' }, 'source'],
    // unsubscribe / refresh
    ['unsubscribe: no url', { type: 'tonebridge/panel/unsubscribe' }, 'url'],
    ['unsubscribe: url number', { type: 'tonebridge/panel/unsubscribe', url: 1 }, 'url'],
    ['unsubscribe: extra', { type: 'tonebridge/panel/unsubscribe', url: 'https://a.example/p.json', all: true }, 'all'],
    ['refresh: url empty', { type: 'tonebridge/panel/refresh', url: '' }, 'url'],
    ['refresh: extra', { type: 'tonebridge/panel/refresh', force: true }, 'force'],
  ])('%s', (_name, message, path) => {
    const r = parsePanelRequest(message);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.path).toBe(path);
      expect(r.error.length).toBeGreaterThan(0);
    }
  });
});

describe('parseSettingsPatch', () => {
  it('keeps null removals distinct from values', () => {
    expect(parseSettingsPatch({ rules: { a: null, b: {} }, sites: { h: null } })).toEqual({
      ok: true,
      value: { rules: { a: null, b: {} }, sites: { h: null } },
    });
  });
  it('drops nothing silently: an unknown key fails instead of being ignored', () => {
    expect(parseSettingsPatch({ market: 'jp', marketLocked: false })).toMatchObject({ ok: false, path: 'patch.marketLocked' });
  });
});

describe('isPanelMessage', () => {
  it.each([
    [{ type: 'tonebridge/panel/state' }, true],
    [{ type: 'tonebridge/panel/anything' }, true],
    [{ type: 'tonebridge/analyze' }, false],
    [{}, false],
    ['tonebridge/panel/state', false],
  ])('%j → %s', (m, expected) => expect(isPanelMessage(m)).toBe(expected));
});

describe('parsePanelAnswer', () => {
  const state = {
    effective: { market: 'jp' },
    agent: {},
    packs: [],
    markets: [],
    sendGuard: { value: 'warn', setBy: 'default' },
    langs: { ready: [], loading: [] },
    uiLang: 'en',
    subscriptions: [],
    managedIssues: [],
  };
  it('accepts a state answer', () => {
    expect(parsePanelAnswer('tonebridge/panel/state', { ok: true, state })).toMatchObject({ ok: true, value: { ok: true } });
  });
  it('passes a failure through with its path and lock', () => {
    const lock = { key: 'market', packId: 'acme', packName: 'Acme', source: 'managed' };
    expect(parsePanelAnswer('tonebridge/panel/settings', { ok: false, code: 'locked', error: 'locked by Acme', path: 'patch.market', lock })).toEqual({
      ok: true,
      value: { ok: false, code: 'locked', error: 'locked by Acme', path: 'patch.market', lock },
    });
  });
  it.each<[string, unknown, string]>([
    ['undefined', undefined, 'tonebridge/panel/state'],
    ['no ok', { state }, 'tonebridge/panel/state'],
    ['bad failure code', { ok: false, code: 'nope', error: 'x' }, 'tonebridge/panel/state'],
    ['failure without error', { ok: false, code: 'failed' }, 'tonebridge/panel/state'],
    ['no state', { ok: true }, 'tonebridge/panel/state'],
    ['state missing packs', { ok: true, state: { ...state, packs: undefined } }, 'tonebridge/panel/state'],
    ['bad uiLang', { ok: true, state: { ...state, uiLang: 'auto' } }, 'tonebridge/panel/state'],
    ['import without result', { ok: true, state }, 'tonebridge/panel/import'],
    ['subscribe without results', { ok: true, state }, 'tonebridge/panel/subscribe'],
  ])('rejects %s', (_name, answer, type) => {
    expect(parsePanelAnswer(type as 'tonebridge/panel/state', answer).ok).toBe(false);
  });
});

describe('isBoxStatus (storage.session, read back after a worker restart)', () => {
  const box = {
    host: 'mail.google.com',
    market: { id: 'jp', name: 'Japan', source: 'setting' },
    findings: { total: 1, byKind: { apology: 1 }, byLevel: { warn: 1 } },
    scores: { politeness: 0.5 },
    coverage: { apology: false },
    at: 1,
  };
  it('accepts what the coach writes', () => expect(isBoxStatus(box)).toBe(true));
  it.each<[string, unknown]>([
    ['null', null],
    ['no host', { ...box, host: undefined }],
    ['market without a name', { ...box, market: { id: 'jp' } }],
    ['findings without a total', { ...box, findings: { byKind: {}, byLevel: {} } }],
    ['a string time', { ...box, at: '1' }],
    ['no coverage', { ...box, coverage: undefined }],
  ])('refuses %s', (_why, value) => expect(isBoxStatus(value)).toBe(false));
});
