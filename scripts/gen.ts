/** Writes every file generated from a single declaration: model, JSON Schema, CLI and settings docs. */
import { writeFileSync, mkdirSync } from 'node:fs';
import { generatedFiles } from '../src/generated-files.js';

for (const [path, content] of Object.entries(generatedFiles())) {
  mkdirSync(path.split('/').slice(0, -1).join('/') || '.', { recursive: true });
  writeFileSync(path, content);
}
console.log('wrote', Object.keys(generatedFiles()).length, 'generated files');
