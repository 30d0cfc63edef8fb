/**
 * `npm run lint:firefox`: Mozilla's linter (web-ext lint, the checks AMO runs on
 * upload) over the Firefox build. Fails on any error, and on any warning or notice
 * that test/tools/explained-lint-warnings.ts does not explain.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { judgeLintMessages, type LintMessage } from './explained-lint-warnings';

const BUILD_DIR = resolve(process.argv[2] ?? '.output/firefox-mv3');

interface LintReport {
  summary: { errors: number; notices: number; warnings: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

function runLinter(): LintReport {
  let stdout: string;
  try {
    stdout = execFileSync('npx', ['--no-install', 'web-ext', 'lint', '--source-dir', BUILD_DIR, '--output', 'json', '--no-config-discovery'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    // web-ext exits non-zero when there are errors; the report is still on stdout.
    stdout = (error as { stdout?: string }).stdout ?? '';
    if (stdout === '') throw error;
  }
  return JSON.parse(stdout) as LintReport;
}

function readBuilt(file: string): string | undefined {
  const path = join(BUILD_DIR, file);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

const describe = (message: LintMessage): string =>
  `${message._type} ${message.code} ${message.file ?? ''}${message.line === undefined ? '' : `:${message.line}:${message.column ?? ''}`} ${message.message}`;

if (!existsSync(join(BUILD_DIR, 'manifest.json'))) {
  console.error(`No Firefox build at ${BUILD_DIR}: run \`npm run build:firefox\` first.`);
  process.exit(1);
}
const report = runLinter();
const { explained, unexplained } = judgeLintMessages([...report.errors, ...report.warnings, ...report.notices], readBuilt);
for (const { message, why } of explained) console.log(`explained: ${describe(message)}\n  ${why}`);
for (const message of unexplained) console.error(`NOT EXPLAINED: ${describe(message)}`);
const { errors, warnings, notices } = report.summary;
console.log(`web-ext lint: ${errors} errors, ${warnings} warnings, ${notices} notices; ${unexplained.length} not explained.`);
if (unexplained.length > 0) process.exit(1);
