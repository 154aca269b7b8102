/**
 * A vitest reporter that repeats, as the run's last lines, what went wrong: each failed test's name
 * and first error line, and each unhandled error's message and top stack frames. A CI log is often
 * kept only by its tail, which the default reporter fills with its summary; this keeps the cause
 * beside it. It prints nothing when the run passed.
 */
import type { Reporter, TestModule } from 'vitest/node';

type RunEnd = NonNullable<Reporter['onTestRunEnd']>;
type UnhandledError = Parameters<RunEnd>[1][number];

const STACK_LINES = 6;

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n')[0] ?? '';
}

function failedTests(modules: readonly TestModule[]): string[] {
  const out: string[] = [];
  for (const module of modules) {
    for (const test of module.children.allTests('failed')) {
      const error = test.result().errors?.[0];
      out.push(`FAILED ${module.moduleId} > ${test.fullName}: ${firstLine(error?.message)}`);
    }
  }
  return out;
}

function unhandled(error: UnhandledError): string[] {
  const head = `UNHANDLED ${error.name ?? 'Error'}: ${error.message}`;
  const stack = (error.stack ?? '').split('\n').slice(1, 1 + STACK_LINES).map((l) => `  ${l.trim()}`);
  const origin = typeof error.VITEST_TEST_PATH === 'string' ? [`  while running ${error.VITEST_TEST_PATH}`] : [];
  return [head, ...stack, ...origin];
}

export default class TailReporter implements Reporter {
  onTestRunEnd: RunEnd = (modules, errors) => {
    const lines = [...failedTests(modules), ...errors.flatMap(unhandled)];
    if (lines.length > 0) process.stderr.write(`\nWhat went wrong:\n${lines.join('\n')}\n`);
  };
}
