/** The validate command's work (validate-command.ts defines it). */
import { validateCurated } from '../services/load-curated.js';
import { formatValidationError } from '../ingest/curated/yaml-file.js';
import { readSettings } from '../config/settings.js';

export function runValidate(opts: { dir?: string; rules?: string; maxErrors: string }): void | Promise<void> {
  const settings = readSettings();
  const result = validateCurated(opts.dir ?? settings.kbDir, opts.rules ?? settings.rulesDir);
  if (!result.ok) {
    const max = Number(opts.maxErrors);
    for (const e of result.errors.slice(0, max)) console.error(formatValidationError(e));
    if (result.errors.length > max) console.error(`… and ${result.errors.length - max} more`);
    console.error(`${result.errors.length} error(s) in ${result.files} file(s); nothing was written`);
    process.exitCode = 1;
    return;
  }
  const { kb } = result;
  console.log(`valid: ${result.files} files, ${kb.sources.length} sources, ${kb.entities.length} entities, ${kb.statements.length} statements, ${kb.series.length} series (${kb.points.length} points)`);
}
