// The privacy statements stay true to what the extension stores (the captions cache, the full dataset's download).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_VIDEOS } from '../lib/captions/cache-db';

const read = (file: string) => readFileSync(resolve(process.cwd(), file), 'utf8').replace(/\s+/g, ' ');
const readme = read('README.md');
const privacy = read('.ci/store/privacy.md');
const readmePrivacy = readme.slice(readme.indexOf('## Security and privacy'), readme.indexOf('**What it asks of YouTube'));

describe.each([
  ['README "Security and privacy"', readmePrivacy],
  ['the store privacy policy', privacy],
])('%s', (_label, text) => {
  it('says the captions cache records watched videos the dataset lacks, how many, and how to clear it', () => {
    for (const fact of ['title', 'caption text', 'last opened', `${DEFAULT_MAX_VIDEOS} videos`, '"Clear captions cache"']) {
      expect(text).toContain(fact);
    }
  });

  it.each(['Nothing records which videos', 'records nothing about which videos'])('never claims "%s"', (claim) => {
    expect(text).not.toContain(claim);
  });
});

it('the store privacy policy names the full dataset setting, its download state, and huggingface.co', () => {
  const stored = privacy.slice(privacy.indexOf('## What is stored'), privacy.indexOf('## What leaves'));
  for (const fact of ['"Download the full dataset automatically"', 'the state of that download', 'huggingface.co']) {
    expect(stored).toContain(fact);
  }
});
