#!/usr/bin/env node
import { Command } from 'commander';
import { registerValidate } from './validate-command.js';

const program = new Command()
  .name('redshift-monitor')
  .description('Sourced tracking and analysis of China\'s commercial and civil space enterprise');
registerValidate(program);
await program.parseAsync(process.argv);
