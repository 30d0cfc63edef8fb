/** Reads a captions fixture (hand-made in YouTube's shape) from test/fixtures/captions. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export function readFixtureText(name: string): string {
  return readFileSync(resolve(process.cwd(), 'test/fixtures/captions', name), 'utf8');
}

export function readFixtureJson(name: string): unknown {
  return JSON.parse(readFixtureText(name)) as unknown;
}
