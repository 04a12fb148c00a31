/** Builds the Firefox extension once before the browser tests (TONEBRIDGE_E2E_NO_BUILD=1 reuses .output). */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '..', '..', '..');
  const manifest = path.join(root, '.output', 'firefox-mv3', 'manifest.json');
  if (process.env.TONEBRIDGE_E2E_NO_BUILD === '1' && existsSync(manifest)) return;
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'wxt', 'bin', 'wxt.mjs'), 'build', '-b', 'firefox', '--mv3'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
