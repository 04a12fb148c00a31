/**
 * Conventions kept true by test (after refined-github's features.test.ts): every detector file is
 * registered, has its own table of cases, declares its options schema (ESLint's meta.schema) with a
 * default for each option, messages in English and Japanese with the same placeholders, and every rule
 * id the built-in packs name exists.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { Detector } from '../../lib/engine/detector';
import { detectors } from '../../lib/engine/registry';
import { builtinPacks } from '../../lib/policy/builtin';

const root = path.resolve(__dirname, '../..');
const LANGS = ['ja', 'en'] as const;

function detectorFiles(lang: string): string[] {
  return readdirSync(path.join(root, 'lib/engine/detectors', lang)).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('detector conventions', () => {
  const modules = import.meta.glob<{ default: Detector }>('../../lib/engine/detectors/*/*.ts', { eager: true });

  for (const lang of LANGS) {
    for (const file of detectorFiles(lang)) {
      const name = file.replace(/\.ts$/, '');
      describe(`${lang}/${name}`, () => {
        const mod = modules[`../../lib/engine/detectors/${lang}/${file}`];
        it('exports a detector whose id matches its file', () => {
          expect(mod?.default?.meta.id).toBe(`${lang}/${name}`);
        });
        it('is registered', () => {
          expect(detectors).toContain(mod!.default);
        });
        it('has its own table of cases', () => {
          expect(existsSync(path.join(root, 'test/engine/detectors', lang, `${name}.test.ts`))).toBe(true);
        });
      });
    }
  }

  for (const d of detectors) {
    describe(d.meta.id, () => {
      it('declares whether it holds the pre-send check (meta.holdsSend)', () => {
        expect(typeof d.meta.holdsSend).toBe('boolean');
      });
      it('reads only its own language', () => {
        expect(d.meta.languages.length).toBeGreaterThan(0);
      });
      it('declares the options it reads (meta.schema), with a valid default for each and nothing else', () => {
        expect(d.meta.schema, 'meta.schema (NO_OPTIONS when the rule reads none)').toBeDefined();
        expect(d.meta.schema.type).toBe('strict_object');
        const declared = Object.keys(d.meta.schema.entries).sort();
        expect(Object.keys(d.meta.options ?? {}).sort()).toEqual(declared);
        expect(v.safeParse(d.meta.schema, d.meta.options ?? {}).success).toBe(true);
        for (const [name, entry] of Object.entries(d.meta.schema.entries)) {
          // Every option is optional (its default applies) and described for the JSON Schema and docs.
          expect(entry.type, name).toBe('optional');
          const wrapped = (entry as unknown as { wrapped: { pipe?: { type: string; description?: string }[] } }).wrapped;
          expect(wrapped.pipe?.find((p) => p.type === 'description')?.description, `${name} description`).toBeTruthy();
        }
      });
      it('has messages in English and Japanese with the same placeholders, and a reason', () => {
        expect(d.meta.messages.reason).toBeDefined();
        for (const [key, text] of Object.entries(d.meta.messages)) {
          expect(text.en.trim(), `${key}.en`).not.toBe('');
          expect(text.ja.trim(), `${key}.ja`).not.toBe('');
          expect(placeholders(text.ja), `${key} placeholders`).toEqual(placeholders(text.en));
        }
        expect(d.meta.description.en.trim()).not.toBe('');
        expect(d.meta.description.ja.trim()).not.toBe('');
      });
    });
  }

  it('has unique ids', () => {
    const ids = detectors.map((d) => d.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names only existing rules in the built-in packs', () => {
    const known = new Set(detectors.map((d) => d.meta.id));
    for (const pack of builtinPacks) {
      const named = [
        ...Object.keys(pack.rules ?? {}),
        ...(pack.markets ?? []).flatMap((m) => Object.keys(m.rules ?? {})),
      ];
      for (const id of named) expect(known.has(id), `${pack.id} names ${id}`).toBe(true);
    }
  });

  it('gives every detector serving a built-in market a level in that market’s pack', () => {
    for (const pack of builtinPacks) {
      for (const market of pack.markets ?? []) {
        const serving = detectors.filter((d) => d.meta.markets !== '*' && d.meta.markets.includes(market.id));
        for (const d of serving) expect(Object.keys(market.rules ?? {}), `${market.id} sets ${d.meta.id}`).toContain(d.meta.id);
      }
    }
  });
});

describe('rule reference', () => {
  it('docs/rules.md is generated from the current detectors (run `npm run docs:rules`)', async () => {
    const { readFileSync } = await import('node:fs');
    const { renderRulesDoc } = await import('../../lib/docs/rules');
    expect(readFileSync(path.join(root, 'docs/rules.md'), 'utf8')).toBe(renderRulesDoc(detectors));
  });
});
