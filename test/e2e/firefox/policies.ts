/**
 * Enterprise policy for Firefox, the real way: Firefox reads `/etc/firefox/policies/policies.json` on
 * Linux at start-up and hands `policies["3rdparty"].Extensions[<id>]` to the extension as
 * `browser.storage.managed` (Firefox does not enforce managed_schema.json, see docs/policy-packs.md).
 *
 * The file affects every Firefox on the machine, so a writer takes the same lock as the Chromium policy
 * tests (../managed-policy.ts: an atomic mkdir), keeps any file that was there, and always puts it back
 * in `remove()` (afterAll / finally). Write the file BEFORE launching the browser.
 */
import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FIREFOX_ID } from './harness';

export const FIREFOX_POLICY_FILE = process.env.FIREFOX_POLICY_FILE ?? '/etc/firefox/policies/policies.json';
const LOCK = '/tmp/tonebridge-managed-policy.lock';

/** Whether this process may write Firefox's policy file (root, or a prepared folder); tests skip otherwise. */
export function canWriteFirefoxPolicy(): boolean {
  try {
    let dir = path.dirname(FIREFOX_POLICY_FILE);
    while (!existsSync(dir)) dir = path.dirname(dir);
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

async function takeLock(timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch {
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 600_000) rmdirSync(LOCK);
      if (Date.now() > deadline) throw new Error(`policy lock ${LOCK} held for over ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

export interface FirefoxPolicyFile {
  file: string;
  remove(): void;
}

/** Writes policies.json with Tonebridge's 3rdparty policy (holding the lock until `remove()`). */
export async function writeFirefoxPolicy(policy: Record<string, unknown>): Promise<FirefoxPolicyFile> {
  await takeLock();
  const file = FIREFOX_POLICY_FILE;
  const previous = existsSync(file) ? readFileSync(file) : undefined;
  const createdDirs: string[] = [];
  try {
    for (let dir = path.dirname(file); !existsSync(dir); dir = path.dirname(dir)) createdDirs.unshift(dir);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ policies: { '3rdparty': { Extensions: { [FIREFOX_ID]: policy } } } }, null, 2));
  } catch (error) {
    rmdirSync(LOCK);
    throw error;
  }
  let removed = false;
  return {
    file,
    remove() {
      if (removed) return;
      removed = true;
      if (previous) writeFileSync(file, previous);
      else {
        rmSync(file, { force: true });
        for (const dir of createdDirs.reverse()) {
          try {
            rmdirSync(dir);
          } catch {
            break; // not empty: something else lives there
          }
        }
      }
      try {
        rmdirSync(LOCK);
      } catch {
        // already gone
      }
    },
  };
}
