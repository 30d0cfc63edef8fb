/**
 * Safe reads from JSON we did not write (YouTube's answers, the page's data):
 * every step checks its type, nothing throws, and a wrong type reads as absent.
 */

/** A JSON object, as far as we can tell without trusting it. */
export type JsonObject = Readonly<Record<string, unknown>>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path` (object keys and array indexes), or `undefined` if any step is missing or of the wrong kind. */
export function readPath(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const step of path) {
    if (typeof step === 'number') {
      if (!Array.isArray(node)) return undefined;
      node = (node as readonly unknown[])[step];
    } else {
      if (!isJsonObject(node) || !Object.hasOwn(node, step)) return undefined;
      node = node[step];
    }
  }
  return node;
}

/** The array at `path`, or an empty one. */
export function readArray(root: unknown, path: readonly (string | number)[]): readonly unknown[] {
  const value = readPath(root, path);
  return Array.isArray(value) ? value : [];
}

/** The string at `path`, or `undefined`. */
export function readString(root: unknown, path: readonly (string | number)[]): string | undefined {
  const value = readPath(root, path);
  return typeof value === 'string' ? value : undefined;
}

/**
 * A finite number at `path`; numeric strings count (YouTube sends `startMs` as
 * `"1234"`), while `null`, `""` and booleans do not (`Number(null)` would be 0).
 */
export function readNumber(root: unknown, path: readonly (string | number)[]): number | undefined {
  const value = readPath(root, path);
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

/**
 * The text of one of YouTube's text objects: a plain string, `{simpleText}`,
 * `{runs: [{text}]}` or `{content}` (view models). `undefined` if none of those.
 */
export function readText(root: unknown, path: readonly (string | number)[] = []): string | undefined {
  const value = readPath(root, path);
  if (typeof value === 'string') return value;
  if (!isJsonObject(value)) return undefined;
  if (typeof value.simpleText === 'string') return value.simpleText;
  if (typeof value.content === 'string') return value.content;
  if (Array.isArray(value.runs)) {
    return value.runs.map((run) => readString(run, ['text']) ?? '').join('');
  }
  return undefined;
}

/**
 * A copy of `root` holding only the values at `paths`, in their places
 * (e.g. a 300 kB player response cut to its caption tracks). Pure.
 */
export function copyPaths(root: unknown, paths: readonly (readonly string[])[]): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const path of paths) {
    const value = readPath(root, path);
    if (value === undefined || path.length === 0) continue;
    let node = copy;
    for (const step of path.slice(0, -1)) {
      const next = node[step];
      node = isJsonObject(next) ? (next) : (node[step] = {});
    }
    node[path.at(-1)!] = value;
  }
  return copy;
}

/** Parses JSON text; `undefined` (never an exception) when it is not JSON. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
