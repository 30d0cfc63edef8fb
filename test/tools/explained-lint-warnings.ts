/**
 * What `web-ext lint` (Mozilla's addons-linter) reports on the Firefox build that
 * we have looked at and accept, each pinned to the code it is about, so a new
 * finding of the same kind elsewhere still fails. Pure: no file or process access.
 */

/** One message of `web-ext lint --output json` (errors, warnings and notices alike). */
export interface LintMessage {
  _type: 'error' | 'warning' | 'notice';
  code: string;
  message: string;
  file?: string | undefined;
  line?: number | undefined;
  column?: number | undefined;
}

export interface ExplainedWarning {
  code: string;
  why: string;
  /** Whether the bundled code at the flagged spot is the one this explanation is about. */
  isCause: (spot: CodeSpot) => boolean;
}

export const EXPLAINED_WARNINGS: readonly ExplainedWarning[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    why:
      "Preact's own handling of the `dangerouslySetInnerHTML` prop (preact/src/diff/index.js), bundled with Preact. " +
      'No component passes that prop: ESLint forbids it and test/architecture.test.ts fails on the word, so the branch never runs.',
    // Minified: `…==`dangerouslySetInnerHTML`?f=b:…(e.innerHTML=f.__html)…`: the flagged
    // assignment stores a `__html`, shortly after the prop's name is compared.
    isCause: ({ before, after }) =>
      /^[\w$]+\.innerHTML\s*=\s*[\w$]+\.__html\b/.test(after) && before.includes('dangerouslySetInnerHTML'),
  },
];

/** The bundled code either side of a flagged spot. */
export interface CodeSpot {
  /** Up to SPOT_RADIUS characters before it. */
  before: string;
  /** From the flagged character on, up to SPOT_RADIUS characters. */
  after: string;
}

export const SPOT_RADIUS = 400;

/** The code around `line:column` (both 1-based, as the linter reports them). */
export function cutSpot(source: string, line: number, column: number): CodeSpot {
  const text = source.split('\n')[line - 1] ?? '';
  const at = Math.max(0, column - 1);
  return { before: text.slice(Math.max(0, at - SPOT_RADIUS), at), after: text.slice(at, at + SPOT_RADIUS) };
}

export interface LintVerdict {
  explained: Array<{ message: LintMessage; why: string }>;
  unexplained: LintMessage[];
}

/**
 * Sorts the linter's messages into explained and unexplained. Errors are never
 * explained. `readSource` returns a built file's text, or undefined if it is missing.
 */
export function judgeLintMessages(
  messages: readonly LintMessage[],
  readSource: (file: string) => string | undefined,
): LintVerdict {
  const verdict: LintVerdict = { explained: [], unexplained: [] };
  for (const message of messages) {
    const explanation = message._type === 'error' ? undefined : findExplanation(message, readSource);
    if (explanation) verdict.explained.push({ message, why: explanation.why });
    else verdict.unexplained.push(message);
  }
  return verdict;
}

function findExplanation(message: LintMessage, readSource: (file: string) => string | undefined): ExplainedWarning | undefined {
  const { file, line, column } = message;
  if (file === undefined || line === undefined || column === undefined) return undefined;
  const source = readSource(file);
  if (source === undefined) return undefined;
  const spot = cutSpot(source, line, column);
  return EXPLAINED_WARNINGS.find((candidate) => candidate.code === message.code && candidate.isCause(spot));
}
