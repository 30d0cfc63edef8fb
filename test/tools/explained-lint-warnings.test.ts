import { describe, expect, it } from 'vitest';
import { judgeLintMessages, type LintMessage } from './explained-lint-warnings';

// Preact 11's diff as Vite minifies it (from a real build), the flagged assignment marked by ^.
const PREACT_MINIFIED =
  'd==`dangerouslySetInnerHTML`?f=b:d==`value`?x=b:d==`checked`?S=b:c&&typeof b!=`function`||T[d]===b||N(e,d,b,T[d],a);' +
  'f?(c||m&&(f.__html==m.__html||f.__html==e.innerHTML)||(^e.innerHTML=f.__html),t.__k=[]):(m&&(e.textContent=``))';
// The same branch unminified (preact/src/diff/index.js).
const PREACT_SOURCE =
  "} else if (i == 'dangerouslySetInnerHTML') {\n newHtml = newProps[i];\n}\n" +
  'if (newHtml) { if (!isHydrating) { ^dom.innerHTML = newHtml.__html; } }';

/** A one-line bundle holding `code`, and the warning the linter gives at its `^`. */
function flagged(code: string, lintCode = 'UNSAFE_VAR_ASSIGNMENT', type: LintMessage['_type'] = 'warning') {
  const padded = `var a=1;${code.replaceAll('\n', ' ')}`;
  const column = padded.indexOf('^') + 1;
  const source = padded.replace('^', '');
  const message: LintMessage = { _type: type, code: lintCode, message: 'Unsafe assignment to innerHTML', file: 'bundle.js', line: 1, column };
  return { message, source };
}

const judge = ({ message, source }: ReturnType<typeof flagged>) =>
  judgeLintMessages([message], (file) => (file === 'bundle.js' ? source : undefined));

describe('judgeLintMessages', () => {
  it.each([
    ['Preact minified', PREACT_MINIFIED],
    ['Preact unminified', PREACT_SOURCE],
  ])('explains the innerHTML warning on %s', (_name, code) => {
    const verdict = judge(flagged(code));
    expect(verdict.unexplained).toEqual([]);
    expect(verdict.explained).toHaveLength(1);
    expect(verdict.explained[0]!.why).toMatch(/Preact/);
  });

  it.each([
    ['a title written as HTML', 'var t=row.title;^el.innerHTML=t'],
    ['our own __html, no prop name before it', 'x'.repeat(500) + '^el.innerHTML=o.__html'],
    ['the prop name nearby, but the flagged write is a title', 'd==`dangerouslySetInnerHTML`?f=b:0;^el.innerHTML=row.title'],
    ['a spot after the assignment', 'd==`dangerouslySetInnerHTML`?f=b:0;(e.innerHTML=f.__html^,1)'],
    ['outerHTML', 'd==`dangerouslySetInnerHTML`?f=b:0;^e.outerHTML=f.__html'],
  ])('does not explain %s', (_name, code) => {
    expect(judge(flagged(code)).unexplained).toHaveLength(1);
  });

  it('never explains an error, nor another code at the same spot', () => {
    expect(judge(flagged(PREACT_MINIFIED, 'UNSAFE_VAR_ASSIGNMENT', 'error')).unexplained).toHaveLength(1);
    expect(judge(flagged(PREACT_MINIFIED, 'DANGEROUS_EVAL')).unexplained).toHaveLength(1);
  });

  it('does not explain a message without a place, or in a file that is not there', () => {
    const manifestWarning: LintMessage = { _type: 'warning', code: 'KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION', message: 'x', file: 'manifest.json' };
    expect(judgeLintMessages([manifestWarning], () => '{}').unexplained).toEqual([manifestWarning]);
    const { message } = flagged(PREACT_MINIFIED);
    expect(judgeLintMessages([message], () => undefined).unexplained).toEqual([message]);
  });
});
