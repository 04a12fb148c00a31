/** Writes docs/rules.md from the registry (npm run docs:rules). */
import { writeFileSync } from 'node:fs';
import { renderRulesDoc } from '../lib/docs/rules';
import { detectors } from '../lib/engine/registry';

writeFileSync(new URL('../docs/rules.md', import.meta.url), renderRulesDoc(detectors));
console.log(`docs/rules.md: ${detectors.length} rules`);
