/**
 * The built manifest agrees with the host registry (lib/hosts/registry.ts): the extension may read
 * exactly the registered hosts' pages, the coaching content script runs on exactly those, and the
 * page-world bridge only on Zendesk's.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOST_MATCHES } from '../../lib/hosts/registry';
import { zendeskHost } from '../../lib/hosts/zendesk/host';
import { EXTENSION } from './harness';

interface ContentScript {
  matches: string[];
  js: string[];
  world?: string;
}

describe('the built manifest (.output/chrome-mv3) and the host registry', () => {
  const manifest = JSON.parse(readFileSync(path.join(EXTENSION, 'manifest.json'), 'utf8')) as {
    host_permissions: string[];
    content_scripts: ContentScript[];
  };

  it('host_permissions are the registry’s match patterns', () => {
    expect(manifest.host_permissions).toEqual([...HOST_MATCHES]);
  });

  it('the coaching content script runs on every registered host, and the bridge on Zendesk only', () => {
    const coach = manifest.content_scripts.filter((c) => c.js.some((f) => f.endsWith('/coach.js')));
    expect(coach).toHaveLength(1);
    expect([...coach[0]!.matches].sort()).toEqual([...HOST_MATCHES].sort());
    const bridge = manifest.content_scripts.filter((c) => c.js.some((f) => f.endsWith('/zendesk-bridge.js')));
    expect(bridge.map((c) => c.matches)).toEqual([[...zendeskHost.matches]]);
    // Nothing else runs anywhere.
    expect(manifest.content_scripts.flatMap((c) => c.js).sort()).toEqual(['content-scripts/coach.js', 'content-scripts/zendesk-bridge.js']);
  });
});
