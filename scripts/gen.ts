/** Writes every file generated from a single declaration: model, JSON Schema, CLI and settings docs, and the API contract. */
import { writeFileSync, mkdirSync } from 'node:fs';
import { generatedFiles } from '../src/generated-files.js';
import { contractDocumentFiles, contractSourceFiles } from './contract/contract-files.js';

function write(files: Record<string, string>): number {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(path.split('/').slice(0, -1).join('/') || '.', { recursive: true });
    writeFileSync(path, content);
  }
  return Object.keys(files).length;
}

const written = write(generatedFiles()) + write(contractSourceFiles()) + write(await contractDocumentFiles());
console.log('wrote', written, 'generated files');
