/**
 * Writes every file generated from a single declaration: model, JSON Schema, CLI and settings docs, and the
 * API contract. The response schemas are written before anything imports the server (which reads them).
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { contractDocumentFiles, contractSourceFiles } from './contract/contract-files.js';

function write(files: Record<string, string>): number {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(path.split('/').slice(0, -1).join('/') || '.', { recursive: true });
    writeFileSync(path, content);
  }
  return Object.keys(files).length;
}

let written = write(contractSourceFiles());
const { generatedFiles } = await import('../src/generated-files.js');
written += write(generatedFiles()) + write(await contractDocumentFiles());
console.log('wrote', written, 'generated files');
