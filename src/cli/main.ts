#!/usr/bin/env node
import { buildProgram } from './program.js';
import { errorMessage } from '../model/error-message.js';

try {
  await buildProgram().parseAsync(process.argv);
} catch (err) {
  console.error(`error: ${errorMessage(err)}`);
  process.exitCode = 1;
}
