/**
 * Enterprise policy for Firefox, the real way: Firefox reads `/etc/firefox/policies/policies.json` on
 * Linux at start-up and hands `policies["3rdparty"].Extensions[<id>]` to the extension as
 * `browser.storage.managed` (Firefox does not enforce managed_schema.json, see docs/policy-packs.md).
 *
 * The file affects every Firefox on the machine, so a writer takes the same lock as the Chromium policy
 * tests (../managed-policy.ts: an atomic mkdir), keeps any file that was there, and always puts it back
 * in `remove()` (afterAll / finally). Write the file BEFORE launching the browser.
 */
import path from 'node:path';
import { canWriteUnder, writeLockedPolicyFile, type PolicyFile } from '../managed-policy';
import { FIREFOX_ID } from './harness';

export const FIREFOX_POLICY_FILE = process.env.FIREFOX_POLICY_FILE ?? '/etc/firefox/policies/policies.json';

/** Whether this process may write Firefox's policy file (root, or a prepared folder); tests skip otherwise. */
export function canWriteFirefoxPolicy(): boolean {
  return canWriteUnder(path.dirname(FIREFOX_POLICY_FILE));
}

export type FirefoxPolicyFile = PolicyFile;

/** Writes policies.json with Tonebridge's 3rdparty policy (holding the lock until `remove()`). */
export function writeFirefoxPolicy(policy: Record<string, unknown>): Promise<FirefoxPolicyFile> {
  return writeLockedPolicyFile(FIREFOX_POLICY_FILE, { policies: { '3rdparty': { Extensions: { [FIREFOX_ID]: policy } } } });
}
