/**
 * Enterprise policy for the e2e tests, the real way: Chromium reads JSON files in
 * /etc/chromium/policies/managed/ at start-up and hands `3rdparty.extensions.<id>` to the extension as
 * `chrome.storage.managed` (the manifest declares managed_schema.json and pins its key, so the id is
 * fixed: EXTENSION_ID in wxt.config.ts).
 *
 * A policy file affects every Chromium on the machine, so writers take a lock (an atomic mkdir) and
 * always remove their file: call the returned `remove()` in afterAll / finally. Write the file BEFORE
 * launching the browser.
 */
import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const EXTENSION_ID = 'adalpcmobhkfpecdekkloianmcjfilod';
export const POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';
const LOCK = '/tmp/tonebridge-managed-policy.lock';

/** What the admin puts in the policy (keys as in dictionaries/managed_schema.json). */
export type ManagedPolicy = Record<string, unknown>;

export interface PolicyFile {
  file: string;
  remove(): void;
}

/**
 * Whether this process may write Chromium's policy folder (root, or a prepared folder). Tests that need
 * enterprise policy skip with this reason otherwise, rather than fail on a machine without the rights.
 */
export function canWriteManagedPolicy(): boolean {
  return canWriteUnder(POLICY_DIR);
}

/** Whether this process may create `target` (a file or folder): the nearest existing folder is writable. */
export function canWriteUnder(target: string): boolean {
  try {
    let dir = target;
    while (!existsSync(dir)) dir = path.dirname(dir);
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The one machine-wide lock for browser policy files (Chromium's and Firefox's tests both take it, so
 * no two runs write policy at once). An atomic mkdir; `releasePolicyLock()` gives it back.
 */
export async function takePolicyLock(timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch {
      // A lock left by a crashed run older than 10 minutes is stale.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 600_000) rmdirSync(LOCK);
      if (Date.now() > deadline) throw new Error(`policy lock ${LOCK} held for over ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

export function releasePolicyLock(): void {
  rmdirSync(LOCK);
}

/**
 * Writes a browser policy file under the lock, and returns how to undo it: `remove()` puts back any file
 * that was there (or deletes ours and the folders it created) and releases the lock. Chromium's and
 * Firefox's policy tests both write through this.
 */
export async function writeLockedPolicyFile(file: string, content: unknown): Promise<PolicyFile> {
  await takePolicyLock();
  const previous = existsSync(file) ? readFileSync(file) : undefined;
  const createdDirs: string[] = [];
  try {
    for (let dir = path.dirname(file); !existsSync(dir); dir = path.dirname(dir)) createdDirs.unshift(dir);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(content, null, 2));
  } catch (error) {
    releasePolicyLock();
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
        releasePolicyLock();
      } catch {
        // already gone
      }
    },
  };
}

/** Writes the policy file for Tonebridge (holding the lock until `remove()`). */
export function writeManagedPolicy(name: string, policy: ManagedPolicy): Promise<PolicyFile> {
  return writeLockedPolicyFile(path.join(POLICY_DIR, `tonebridge-e2e-${name}.json`), { '3rdparty': { extensions: { [EXTENSION_ID]: policy } } });
}
