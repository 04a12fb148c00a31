/**
 * The pages under test talk to the REAL background (lib/coach: policy service, panel handler, agent
 * settings in storage.sync) running on WXT's in-memory fake browser, as an extension page would.
 */
import { render, type VNode } from 'preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startCoachWithPolicy, type Coach } from '../../../lib/coach/background';
import { createNodeEngine } from '../../../lib/node/engine';
import { createPanelClient, type PanelClient } from '../../../lib/panel/client';
import type { PanelRequest } from '../../../lib/contract/panel';

const EXT_ORIGIN = 'chrome-extension://test-extension-id';
export const PAGE_SENDER = { id: 'test-extension-id', origin: EXT_ORIGIN, url: `${EXT_ORIGIN}/popup.html` };

export interface Rig {
  coach: Coach;
  client: PanelClient;
  sent: PanelRequest[];
  root: HTMLElement;
  mount(vnode: VNode): void;
  stop(): void;
}

export function rig(): Rig {
  fakeBrowser.reset();
  const coach = startCoachWithPolicy(createNodeEngine());
  const sent: PanelRequest[] = [];
  const client = createPanelClient(async (m) => {
    sent.push(m);
    return coach.service.handle(m, PAGE_SENDER);
  });
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  return {
    coach,
    client,
    sent,
    root,
    mount: (vnode) => render(vnode, root),
    stop() {
      render(null, root);
      coach.policy?.stop();
    },
  };
}

/** A minimal valid pack (schema 1) with one forbid phrase rule, optionally locking keys. */
export function pack(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id,
    name: `Pack ${id}`,
    version: '1.0.0',
    phrases: [
      {
        id: `${id}/no-falcon`,
        type: 'forbid',
        phrases: ['Project Falcon'],
        level: 'warn',
        kind: 'policy',
        message: { en: 'Do not name Project Falcon.', ja: 'Project Falcon と書かないでください。' },
        examples: { match: ['Project Falcon ships soon.'], noMatch: ['The update ships soon.'] },
      },
    ],
    ...extra,
  };
}

export function byText(root: ParentNode, selector: string, text: string | RegExp): HTMLElement | undefined {
  return [...root.querySelectorAll<HTMLElement>(selector)].find((e) => (typeof text === 'string' ? e.textContent?.trim() === text : text.test(e.textContent ?? '')));
}
