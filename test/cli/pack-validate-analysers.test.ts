/**
 * `tonebridge pack validate` runs only base-form examples through the analysers (the Japanese
 * dictionary); surface examples, English ones included, are checked by the matcher alone, so a Japanese
 * pack with English surface examples never loads the English analyser (compromise: ~300 ms).
 */
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../bin/cli';
import { memoryIo } from '../helpers/memory-io';

const loaded = vi.hoisted(() => ({ en: 0 }));
vi.mock('../../lib/lang/en/analyzer', async (original) => {
  const actual = await original<typeof import('../../lib/lang/en/analyzer')>();
  return {
    ...actual,
    createEnAnalyzer: (...args: Parameters<typeof actual.createEnAnalyzer>) => {
      loaded.en++;
      return actual.createEnAnalyzer(...args);
    },
  };
});

const message = { en: 'Say it another way.', ja: '別の言い方にしてください。' };
const surface = {
  id: 'acme/codename',
  type: 'forbid',
  phrases: ['Project Falcon'],
  message,
  examples: { match: ['The fix ships with Project Falcon.', 'Project Falconの修正版です。'], noMatch: ['A falcon is a bird.'] },
};
const baseRule = {
  id: 'acme/no-morau',
  type: 'forbid',
  phrases: ['してもらう'],
  match: 'base',
  lang: 'ja',
  message,
  examples: { match: ['設定を確認してもらいました。'], noMatch: ['設定を確認していただきました。'] },
};
const pack = (phrases: unknown[]) => JSON.stringify({ schemaVersion: 1, id: 'acme/x', name: 'Acme', version: '1.0.0', phrases });

describe('pack validate loads only the analysers base-form examples need', () => {
  it('checks base-form examples with the dictionary and English surface examples without compromise', async () => {
    loaded.en = 0;
    const io = memoryIo({ 'ok.json': pack([surface, baseRule]) });
    expect(await main(['pack', 'validate', 'ok.json'], io)).toBe(0);
    expect(io.out).toBe('ok.json: ok (acme/x@1.0.0)\n');
    expect(loaded.en).toBe(0);
  }, 60_000);

  it('reports a wrong base-form example under its own rule’s path, and a wrong surface example too', async () => {
    loaded.en = 0;
    const wrongBase = { ...baseRule, examples: { match: ['設定を確認していただきました。'], noMatch: ['確認してもらった。'] } };
    const io = memoryIo({ 'bad.json': pack([surface, wrongBase]) });
    expect(await main(['pack', 'validate', 'bad.json'], io)).toBe(2);
    expect(io.err.trim().split('\n')).toEqual([
      expect.stringMatching(/^bad\.json: phrases\[1\]\.examples\.match\[0\]: the rule does not match this example/),
      expect.stringMatching(/^bad\.json: phrases\[1\]\.examples\.noMatch\[0\]: the rule matches this example/),
    ]);
    const wrongSurface = { ...surface, examples: { match: ['Falcon is late.'], noMatch: ['The next update is late.'] } };
    const io2 = memoryIo({ 'bad2.json': pack([baseRule, wrongSurface]) });
    expect(await main(['pack', 'validate', 'bad2.json'], io2)).toBe(2);
    expect(io2.err).toMatch(/^bad2\.json: phrases\[1\]\.examples\.match\[0\]: the rule does not match this example/);
    expect(loaded.en).toBe(0);
  }, 60_000);
});
