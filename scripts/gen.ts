/** Writes the files generated from the model declaration: docs/model.md and schema/*.json. */
import { writeFileSync, mkdirSync } from 'node:fs';
import { renderModelDocs } from '../src/model/model-docs.js';
import { generatedSchemaFiles } from '../src/model/json-schema.js';

writeFileSync('docs/model.md', renderModelDocs());
mkdirSync('schema', { recursive: true });
for (const [file, content] of Object.entries(generatedSchemaFiles())) writeFileSync(`schema/${file}`, content);
console.log('wrote docs/model.md and schema/*.json');
