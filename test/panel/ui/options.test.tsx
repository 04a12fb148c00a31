// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Options } from '../../../lib/panel/ui/options';
import { pack, rig, type Rig } from './setup';

let r: Rig;
beforeEach(() => {
  r = rig();
});
afterEach(() => r.stop());

function find<T extends HTMLElement>(selector: string): T {
  const el = r.root.querySelector<T>(selector);
  if (!el) throw new Error(`no ${selector} yet`);
  return el;
}

/** Types into a field and lets Preact re-render (as between a real keystroke and a click). */
async function type(input: HTMLInputElement, value: string): Promise<void> {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((resolve) => setTimeout(resolve, 10));
}

function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Imports through the page's file input (a File, read as text by the page). */
async function importFile(name: string, text: string): Promise<void> {
  const input = find<HTMLInputElement>('#tb-import');
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const mount = () => r.mount(<Options client={r.client} fallbackLang="en" />);

describe('Options page', () => {
  it('saves the agent’s display name and UI language', async () => {
    mount();
    await type(await vi.waitFor(() => find<HTMLInputElement>('#tb-name')), 'Mika Sato');
    find<HTMLButtonElement>('form.field button[type="submit"]').click();
    await vi.waitFor(() => expect(r.coach.policy!.agentSettings().agentName).toBe('Mika Sato'));
    await vi.waitFor(() => expect(find('.saved').textContent).toBe('Saved'));

    choose(find<HTMLSelectElement>('#tb-uilang'), 'ja');
    await vi.waitFor(() => expect(find('#tb-agent-h').textContent).toBe('あなた'));
    expect(r.coach.policy!.agentSettings().uiLang).toBe('ja');
  });

  it('turns a rule off and sets another’s level; the policy the engine runs follows', async () => {
    mount();
    const row = (id: string) => find(`tr[data-rule="${id}"]`);
    await vi.waitFor(() => row('ja/missing-apology'));
    row('ja/missing-apology').querySelector<HTMLInputElement>('input.rule-on')!.click();
    await vi.waitFor(() => expect(r.coach.policy!.agentSettings().rules['ja/missing-apology']).toEqual({ enabled: false }));
    expect(r.coach.policy!.effective().policy.markets.get('jp')!.rules.get('ja/missing-apology')!.level).toBe('off');
    await vi.waitFor(() => expect(row('ja/missing-apology').querySelector<HTMLSelectElement>('select.rule-level')!.disabled).toBe(true));

    choose(row('en/cold-phrase').querySelector<HTMLSelectElement>('select.rule-level')!, 'block');
    await vi.waitFor(() => expect(r.coach.policy!.agentSettings().rules['en/cold-phrase']).toEqual({ level: 'block' }));
    expect(r.coach.policy!.effective().policy.markets.get('us')!.rules.get('en/cold-phrase')!.level).toBe('block');
    await vi.waitFor(() => expect(row('en/cold-phrase').querySelector('.tag.set-by-agent')?.textContent).toBe('You'));

    // Back to the packs' level: the override goes away.
    choose(row('en/cold-phrase').querySelector<HTMLSelectElement>('select.rule-level')!, '');
    await vi.waitFor(() => expect(r.coach.policy!.agentSettings().rules['en/cold-phrase']).toBeUndefined());
  });

  it('a locked rule is disabled and names the pack that locked it', async () => {
    await r.client.importPack(JSON.stringify(pack('acme/locked', { rules: { 'ja/missing-apology': 'block' }, locked: ['rules.ja/missing-apology'] })), 'l.json');
    mount();
    const row = await vi.waitFor(() => find('tr[data-rule="ja/missing-apology"]'));
    expect(row.querySelector<HTMLInputElement>('input.rule-on')!.disabled).toBe(true);
    expect(row.querySelector<HTMLSelectElement>('select.rule-level')!.disabled).toBe(true);
    expect(row.querySelector('.lock-note')?.textContent).toBe('Locked by Pack acme/locked (Imported file)');
    expect(row.querySelector('input.rule-on')!.getAttribute('aria-describedby')).toBe(row.querySelector('.lock-note')!.id);
    // Each rule says what it checks (the detector's own description, from the background).
    const { detectors } = await import('../../../lib/engine/registry');
    const meta = detectors.find((d) => d.meta.id === 'ja/missing-apology')!.meta;
    expect(row.querySelector('.rule-desc')?.textContent).toBe(meta.description.en);
    expect(row.querySelector('.tag.kind-apology')?.textContent).toBe('Apology');
    // Unlocked rules stay editable.
    expect(find<HTMLInputElement>('tr[data-rule="en/cold-phrase"] input.rule-on').disabled).toBe(false);
  });

  it('adds and removes personal phrases (with an optional replacement)', async () => {
    mount();
    await type(await vi.waitFor(() => find<HTMLInputElement>('#tb-phrase')), 'ASAP');
    await type(find<HTMLInputElement>('#tb-replacement'), 'as soon as we can');
    choose(find<HTMLSelectElement>('#tb-phrase-lang'), 'en');
    await new Promise((resolve) => setTimeout(resolve, 10));
    find<HTMLButtonElement>('.phrase-form button[type="submit"]').click();
    await vi.waitFor(() => expect(r.coach.policy!.agentSettings().phrases).toEqual([{ phrase: 'ASAP', replacement: 'as soon as we can', lang: 'en' }]));
    await vi.waitFor(() => expect(find('.phrase-list li[data-phrase="ASAP"]').textContent).toMatch(/ASAP → as soon as we can/));
    expect(find<HTMLInputElement>('#tb-phrase').value).toBe('');

    find<HTMLButtonElement>('.phrase-list li[data-phrase="ASAP"] button').click();
    await vi.waitFor(() => expect(r.coach.policy!.agentSettings().phrases).toEqual([]));
  });

  it('imports a pack file; a bad file is rejected with the field and reason, and the previous pack stays', async () => {
    mount();
    await vi.waitFor(() => find('#tb-import'));
    await importFile('acme.json', JSON.stringify(pack('acme/support')));
    await vi.waitFor(() => expect(find('.banner.ok').textContent).toMatch(/Imported acme\/support v1\.0\.0/));
    const card = () => find('.pack-card[data-pack="acme/support"]');
    expect(card().querySelector('.phrase-rule[data-rule="acme/support/no-falcon"] .ex.match')?.textContent).toBe('Project Falcon ships soon.');
    expect(card().querySelector('.phrase-rule .ex.nomatch')?.textContent).toBe('The update ships soon.');
    expect(card().querySelector('.tag-file')?.textContent).toBe('Imported file');

    const bad = pack('acme/support', { version: '2.0.0' });
    (bad.phrases as Record<string, unknown>[])[0]!.type = 'shout';
    await importFile('acme-v2.json', JSON.stringify(bad));
    await vi.waitFor(() => expect(find('.import-error').textContent).toMatch(/acme-v2\.json was not imported/));
    const issue = find('.import-error .issues li');
    expect(issue.querySelector('.path')?.textContent).toBe('phrases[0].type');
    expect(issue.querySelector('.issue-message')?.textContent).not.toBe('');
    // Still version 1.0.0 in effect, its phrase rule still there.
    expect(card().querySelector('.ver')?.textContent).toBe('v1.0.0');
    const held = r.coach.policy!.effective().policy.markets.get('us')!.phrases.map((p) => p.id);
    expect(held).toContain('acme/support/no-falcon');

    // Not JSON at all.
    await importFile('notes.txt', 'hello');
    await vi.waitFor(() => expect(find('.import-error').textContent).toMatch(/notes\.txt was not imported/));
  });

  it('removes an imported pack', async () => {
    await r.client.importPack(JSON.stringify(pack('acme/gone')), 'g.json');
    mount();
    const button = await vi.waitFor(() => find<HTMLButtonElement>('.pack-card[data-pack="acme/gone"] button.danger'));
    button.click();
    await vi.waitFor(() => expect(r.root.querySelector('.pack-card[data-pack="acme/gone"]')).toBeNull());
  });

  it('refuses an http pack URL, naming the field', async () => {
    mount();
    await type(await vi.waitFor(() => find<HTMLInputElement>('#tb-url')), 'http://packs.example.com/acme.json');
    await type(find<HTMLInputElement>('#tb-key'), 'MCowBQYDK2VwAyEA');
    find<HTMLFormElement>('form.subscribe').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await vi.waitFor(() => expect(find('[role="alert"]').textContent).toMatch(/^url: only https:\/\/ pack URLs are allowed/));
  });

  it('renders pack texts as text, and links only https', async () => {
    await r.client.importPack(
      JSON.stringify({ ...pack('evil/pack'), description: '<b onclick="x()">bold</b>', owner: '<script>alert(1)</script>', link: 'http://acme.example/policy' }),
      'evil.json',
    );
    mount();
    const card = await vi.waitFor(() => find('.pack-card[data-pack="evil/pack"]'));
    expect(card.querySelector('.desc')?.textContent).toBe('<b onclick="x()">bold</b>');
    expect(card.querySelector('b, script')).toBeNull();
    expect(card.querySelector('a')).toBeNull();
    expect(card.textContent).toContain('http://acme.example/policy');
  });

  it('speaks Japanese when the agent chose it, and titles the page', async () => {
    await r.client.settings({ uiLang: 'ja' });
    mount();
    await vi.waitFor(() => expect(find('#tb-rules-h').textContent).toBe('ルール'));
    // Set by an effect, after the render.
    await vi.waitFor(() => expect(document.title).toBe('Tonebridge の設定'));
    expect(document.documentElement.lang).toBe('ja');
    expect(find('.rule-group[data-group="ja"] summary strong').textContent).toBe('日本語の返信');
    expect(find('label.file-button').textContent).toBe('パックファイルをインポート');
  });
});
