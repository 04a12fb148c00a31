import { describe, expect, it } from 'vitest';
import { CoachService } from '../../lib/coach/service';
import { parseAnalyzeResponse, parseGuardInfo, type AnalyzeReady } from '../../lib/contract/messages';
import { createNodeEngine } from '../../lib/node/engine';

const EXT_ID = 'test-extension-id';
const GMAIL = { id: EXT_ID, origin: 'https://mail.google.com', url: 'https://mail.google.com/mail/u/0/#inbox', tab: {} };
const TEXT = 'Hi Jane, your refund is done.';

function coach() {
  const engine = createNodeEngine();
  const service = new CoachService({
    engine,
    extensionId: EXT_ID,
    extensionOrigin: `chrome-extension://${EXT_ID}`,
    readSettings: async () => ({ market: 'us' }),
    browserUiLang: () => 'en-US',
  });
  return { engine, service };
}

describe('the guard mode reaches the page', () => {
  it('built-in packs only: the check warns (the market packs’ default), set by a built-in pack', async () => {
    const { service } = coach();
    const answer = (await service.handle({ type: 'tonebridge/analyze', text: TEXT, context: {} }, GMAIL)) as AnalyzeReady;
    expect(answer.guard).toMatchObject({ mode: 'warn', setBy: { source: 'builtin' } });
  });

  it('a pack’s sendGuard comes with every analysis, naming the pack and its source', async () => {
    const { engine, service } = coach();
    const policy = engine.activePolicy;
    engine.setPolicy({
      ...policy,
      sendGuard: { value: 'block', packId: 'acme/send-rules', source: 'managed' },
      packs: [...policy.packs, { id: 'acme/send-rules', name: 'Acme Support Policy', version: '2.0.0', source: 'managed' }],
    });
    const answer = (await service.handle({ type: 'tonebridge/analyze', text: TEXT, context: {} }, GMAIL)) as AnalyzeReady;
    expect(answer.guard).toEqual({ mode: 'block', setBy: { packId: 'acme/send-rules', packName: 'Acme Support Policy', source: 'managed' } });
    // And it survives the content script's validation.
    const parsed = parseAnalyzeResponse(JSON.parse(JSON.stringify(answer)), TEXT.length);
    expect(parsed.ok && parsed.value.ok && parsed.value.state === 'ready' && parsed.value.guard).toEqual(answer.guard);
  });

  it('a malformed guard field is dropped (no guard), never trusted', () => {
    expect(parseGuardInfo({ mode: 'always' })).toBeUndefined();
    expect(parseGuardInfo('warn')).toBeUndefined();
    expect(parseGuardInfo({ mode: 'warn', setBy: { packId: 3 } })).toEqual({ mode: 'warn' });
    expect(parseGuardInfo({ mode: 'warn', setBy: { packId: 'a', source: 'url', packName: 7 } })).toEqual({ mode: 'warn', setBy: { packId: 'a', source: 'url' } });
  });
});
