/** Every file generated from a declaration in code, by path; `npm run gen` writes them and a test checks they are current. */
import { renderModelDocs } from './model/model-docs.js';
import { generatedSchemaFiles } from './model/json-schema.js';
import { renderCliDocs } from './cli/program.js';
import { renderSettingsDocs } from './config/settings-docs.js';

export function generatedFiles(): Record<string, string> {
  const files: Record<string, string> = {
    'docs/model.md': renderModelDocs(),
    'docs/cli.md': renderCliDocs(),
    'docs/configuration.md': renderSettingsDocs(),
  };
  for (const [name, content] of Object.entries(generatedSchemaFiles())) files[`schema/${name}`] = content;
  return files;
}
