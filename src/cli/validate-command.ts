import type { Command } from 'commander';
import { validateCurated } from '../services/load-curated.js';
import { formatValidationError } from '../ingest/curated/yaml-file.js';
import { readSettings } from '../config/settings.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check the curated data files and the classification rules against the model without writing anything')
    .option('--dir <dir>', 'curated data folder (default: REDSHIFT_KB_DIR or data/kb)')
    .option('--rules <dir>', 'rules folder (default: REDSHIFT_RULES_DIR or data/rules)')
    .option('--max-errors <n>', 'print at most this many errors', '200')
    .action((opts: { dir?: string; rules?: string; maxErrors: string }) => {
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
    });
}
