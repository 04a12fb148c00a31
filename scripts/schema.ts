/**
 * Writes dictionaries/pack.schema.json from the pack's Valibot schemas and the built-in detectors'
 * options (`npm run schema`). test/contract/pack-json-schema.test.ts fails when the file is stale.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packJsonSchemaText } from '../lib/contract/pack-json-schema';
import { optionSchemasOf } from '../lib/contract/rule-options';
import { detectors } from '../lib/engine/registry';

const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dictionaries', 'pack.schema.json');
writeFileSync(file, packJsonSchemaText(optionSchemasOf(detectors)));
console.log(`wrote ${path.relative(process.cwd(), file)}`);
