import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOST_ADAPTERS, adapterForOrigin } from '../../lib/hosts/adapters';
import { defineHost, patternCoversHostname } from '../../lib/hosts/host';
import { HOST_MATCHES, HOSTS, hostOfOrigin } from '../../lib/hosts/registry';
import coachContent from '../../entrypoints/coach.content';
import config from '../../wxt.config';

const HOSTS_DIR = path.resolve(import.meta.dirname, '../../lib/hosts');

describe('the host registry', () => {
  it('registers every host folder, in both lists, in the same order', () => {
    const folders = readdirSync(HOSTS_DIR).filter((f) => statSync(path.join(HOSTS_DIR, f)).isDirectory()).sort();
    expect(HOSTS.map((h) => h.id).sort()).toEqual(folders);
    expect(HOST_ADAPTERS.map((h) => h.id)).toEqual(HOSTS.map((h) => h.id));
    for (const host of HOST_ADAPTERS) {
      expect(host.adapter.id).toBe(host.id);
      expect(host.matches).toEqual(HOSTS.find((h) => h.id === host.id)!.matches);
    }
  });

  it('the manifest’s host_permissions are the registry’s patterns (wxt.config.ts)', async () => {
    const manifest = config.manifest as (env: { browser: string }) => Promise<{ host_permissions: string[] }> | { host_permissions: string[] };
    for (const browser of ['chrome', 'firefox'])
      expect((await manifest({ browser } as never)).host_permissions).toEqual([...HOST_MATCHES]);
    expect(HOST_MATCHES).toEqual(['https://mail.google.com/*', 'https://*.zendesk.com/*']);
  });

  it('the content script runs on exactly the registry’s patterns', () => {
    expect((coachContent as unknown as { matches: string[] }).matches).toEqual([...HOST_MATCHES]);
  });

  it('every host a content script can run on gets its adapter; other origins none', () => {
    expect(adapterForOrigin('https://mail.google.com')?.id).toBe('gmail');
    expect(adapterForOrigin('https://acme.zendesk.com')?.id).toBe('zendesk');
    expect(adapterForOrigin('https://a.b.zendesk.com')).toBeUndefined();
    expect(adapterForOrigin('https://example.com')).toBeUndefined();
  });
});

describe('match patterns, read strictly for the sender check', () => {
  it.each<[string, string, boolean]>([
    ['https://mail.google.com/*', 'mail.google.com', true],
    ['https://mail.google.com/*', 'google.com', false],
    ['https://mail.google.com/*', 'xmail.google.com', false],
    ['https://*.zendesk.com/*', 'acme.zendesk.com', true],
    ['https://*.zendesk.com/*', 'acme-2.zendesk.com', true],
    ['https://*.zendesk.com/*', 'zendesk.com', false],
    ['https://*.zendesk.com/*', 'a.b.zendesk.com', false],
    ['https://*.zendesk.com/*', '-acme.zendesk.com', false],
    ['https://*.zendesk.com/*', 'evilzendesk.com', false],
    ['https://*.zendesk.com/*', 'acme.zendesk.com.evil.example', false],
  ])('%s covers %s: %s', (pattern, hostname, expected) => {
    expect(patternCoversHostname(pattern as `https://${string}/*`, hostname)).toBe(expected);
  });

  it('hostOfOrigin names the registry’s host', () => {
    for (const host of HOSTS) expect(host.matches.length).toBeGreaterThan(0);
    expect(hostOfOrigin('https://mail.google.com')).toBe('gmail');
    expect(hostOfOrigin('https://acme.zendesk.com')).toBe('zendesk');
  });

  it('a malformed host description fails at load time', () => {
    expect(() => defineHost({ id: 'Outlook', name: 'x', matches: ['https://outlook.office.com/*'] })).toThrow(/host id/);
    expect(() => defineHost({ id: 'x', name: 'x', matches: [] })).toThrow(/no match patterns/);
    expect(() => defineHost({ id: 'x', name: 'x', matches: ['https://*.*.example.com/*'] })).toThrow(/is not/);
    expect(() => defineHost({ id: 'x', name: 'x', matches: ['https://example.com/mail/*' as `https://${string}/*`] })).toThrow(/is not/);
  });
});
