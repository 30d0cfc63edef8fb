import { describe, expect, it } from 'vitest';
import {
  assembleLibraryIndex,
  buildLibraryIndex,
  createLibraryIndexBuilder,
  isLibraryIndexHeader,
  isLibraryIndexPart,
  splitLibraryIndex,
  type LibraryIndex,
} from '../../../lib/library/library-index';
import { createIndexQuery } from '../../../lib/library/query-index';
import { decodeDocs } from '../../../lib/library/read-part';
import { scanWords } from '../../../lib/library/scan-words';
import { normalizeText, WORD_PATTERN } from '../../../lib/transcript/search';
import { parseJsonLines } from '../../../lib/dataset/rows';
import { SAMPLE_JSONL } from '../../fixtures/sample';
import { buildTranscript } from './transcript-fixture';

/** One-second segments. */
const transcript = (videoId: string, texts: readonly string[]) => buildTranscript(videoId, texts, { secondsPerSegment: 1 });

function words(text: string): string[] {
  const found: string[] = [];
  scanWords(text, (start, end) => found.push(text.slice(start, end)));
  return found;
}

describe('scanWords', () => {
  it.each([
    ['plain words', 'the model learns', ['the', 'model', 'learns']],
    ['punctuation between', 'dataset, bias.  (really?)', ['dataset', 'bias', 'really']],
    ['inner apostrophes, straight and curly', "don't it’s rock'n'roll", ["don't", 'it’s', "rock'n'roll"]],
    ['apostrophes at the edges', "'quoted' students' 'n", ['quoted', 'students', 'n']],
    ['digits', 'GPT-4 has 175B parameters in 2020', ['GPT', '4', 'has', '175B', 'parameters', 'in', '2020']],
    ['letters beyond ASCII', 'café naïve Straße δέλτα 東京', ['café', 'naïve', 'Straße', 'δέλτα', '東京']],
    ['letters outside the basic plane', '𝐀𝐁 x', ['𝐀𝐁', 'x']],
    // UTF-8 read as Latin-1 ("it’s" → "itâ\u0080\u0099s"): the first code past ASCII, a control character.
    ['mojibake of a curly quote', 'itâ\u0080\u0099s fine', ['itâ', 's', 'fine']],
  ])('finds %s', (_case, text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it.each([
    ['punctuation only', '?!… -- ...'],
    ['empty', ''],
    ['apostrophes alone', "' ’ ''"],
    ['combining marks alone', '\u0301\u0301'],
  ])('finds nothing in %s', (_case, text) => {
    expect(words(text)).toEqual([]);
  });
});

/** Each word's docs, by word, through the parts. */
function docsOf(index: LibraryIndex): number[][] {
  const into = new Uint32Array(20_000);
  return index.words.map((_, sorted) => [...into.subarray(0, decodeDocs(index.parts, index.wordIds[sorted]!, into, 0))]);
}

/** Each doc's words, in order, as text. */
function wordsOf(index: LibraryIndex): string[][] {
  const wordById = new Map([...index.wordIds].map((id, sorted) => [id, index.words[sorted]!]));
  return index.parts.flatMap((part) =>
    Array.from({ length: part.docCount }, (_, doc) => [...part.tokens.subarray(part.tokenStart[doc], part.tokenStart[doc + 1])].map((id) => wordById.get(id)!)),
  );
}

describe('buildLibraryIndex', () => {
  const index = buildLibraryIndex('ds', [
    transcript('aaaaaaaaaaa', ['Bias bias model', 'data']),
    transcript('bbbbbbbbbbb', ['model Data']),
  ]);

  it('keeps the vocabulary normalized, distinct and sorted', () => {
    expect(index.words).toEqual(['bias', 'data', 'model']);
  });

  it('lists each word\'s segments once, in order', () => {
    expect(docsOf(index)).toEqual([[0], [1, 2], [0, 2]]);
  });

  it('keeps each segment\'s words in order, and where each video starts', () => {
    expect(wordsOf(index)).toEqual([['bias', 'bias', 'model'], ['data'], ['model', 'data']]);
    expect([...index.videoFirstDoc]).toEqual([0, 2, 3]);
  });

  it('reads the same built in batches (one part each) as in one go', () => {
    const builder = createLibraryIndexBuilder('ds');
    const parts = [builder.add([transcript('aaaaaaaaaaa', ['Bias bias model', 'data'])]), builder.add([transcript('bbbbbbbbbbb', ['model Data'])])];
    const batched = assembleLibraryIndex(builder.finish(), parts)!;
    expect(batched.parts.map((part) => [part.firstDoc, part.docCount])).toEqual([[0, 2], [2, 1]]);
    expect(batched.words).toEqual(index.words);
    expect(docsOf(batched)).toEqual(docsOf(index));
    expect(wordsOf(batched)).toEqual(wordsOf(index));
    expect(batched.videos).toEqual(index.videos);
  });

  it.each([
    ['pieces of several words, or none', 'GPT-4, (really?) -- ok', ['gpt', '4', 'really', 'ok']],
    ['runs of spaces, and spaces at the ends', '  two  spaces ', ['two', 'spaces']],
    ['other white space', 'tab\tnew\nline\u00a0nbsp', ['tab', 'new', 'line', 'nbsp']],
    ['the same piece again, and its case', 'Model model, MODEL', ['model', 'model', 'model']],
    ['apostrophes and accents', "don't café’s Cafe", ["don't", 'cafe’s', 'cafe']],
  ])('numbers the words of %s', (_case, text, expected) => {
    const indexed = buildLibraryIndex('ds', [transcript('aaaaaaaaaaa', ['the model', text, 'GPT-4 (really?)'])]);
    expect(wordsOf(indexed)).toEqual([['the', 'model'], expected, ['gpt', '4', 'really']]);
  });

  it('finds a word\'s segments however far apart (gaps of several bytes)', () => {
    const texts = Array.from({ length: 20_000 }, (_, i) => (i === 3 || i === 200 || i === 19_999 ? 'rare word' : 'common word'));
    const far = buildLibraryIndex('ds', [transcript('aaaaaaaaaaa', texts)]);
    expect(docsOf(far)[far.words.indexOf('rare')]).toEqual([3, 200, 19_999]);
  });

  it('builds a large library in one go as parts of whole videos, about 2,500 segments each', () => {
    const videos = Array.from({ length: 12 }, (_, v) => transcript(`v${String(v).padStart(10, '0')}`, Array.from({ length: 1_000 }, (_, i) => `talk${v} segment ${i}`)));
    const large = buildLibraryIndex('ds', videos);
    expect(large.parts.map((part) => [part.firstDoc, part.docCount])).toEqual([[0, 3_000], [3_000, 3_000], [6_000, 3_000], [9_000, 3_000]]);
    expect(docsOf(large)[large.words.indexOf('talk11')]).toEqual(Array.from({ length: 1_000 }, (_, i) => 11_000 + i));
    expect(buildLibraryIndex('ds', []).parts).toHaveLength(1);
  });

  it('keeps 32-bit word ids once the vocabulary outgrows 16 bits', () => {
    const texts = Array.from({ length: 700 }, (_, i) => Array.from({ length: 100 }, (_, j) => `w${i * 100 + j}`).join(' '));
    const large = buildLibraryIndex('ds', [transcript('aaaaaaaaaaa', texts)]);
    expect(large.words).toHaveLength(70_000);
    expect(large.parts[0]!.tokens).toBeInstanceOf(Uint32Array);
    expect(wordsOf(large)[699]!.slice(-2)).toEqual(['w69998', 'w69999']);
  });

  it('stores as a header and parts that are recognised after a structured clone, and a stale or foreign record is not', () => {
    const { header, parts } = splitLibraryIndex(index);
    expect(isLibraryIndexHeader(structuredClone(header))).toBe(true);
    expect(parts.every((part) => isLibraryIndexPart(structuredClone(part)))).toBe(true);
    expect(assembleLibraryIndex(structuredClone(header), structuredClone(parts))).toEqual(index);
    expect(isLibraryIndexHeader({ ...header, version: 1 })).toBe(false);
    expect(isLibraryIndexHeader({ ...index, words: undefined })).toBe(false);
    expect(isLibraryIndexPart({ ...parts[0], tokens: [...parts[0]!.tokens] })).toBe(false);
    expect(isLibraryIndexHeader(undefined)).toBe(false);
    expect(isLibraryIndexPart(null)).toBe(false);
    expect(isLibraryIndexPart(undefined)).toBe(false);
  });

  it('is not assembled from missing or foreign parts', () => {
    const builder = createLibraryIndexBuilder('ds');
    const parts = [builder.add([transcript('aaaaaaaaaaa', ['one'])]), builder.add([transcript('bbbbbbbbbbb', ['two'])])];
    const header = builder.finish();
    expect(assembleLibraryIndex(header, [parts[1]!, parts[0]!])?.words).toEqual(['one', 'two']);
    expect(assembleLibraryIndex(header, [parts[0]!])).toBeUndefined();
    expect(assembleLibraryIndex(header, [parts[0]!, { ...parts[1]!, sourceId: 'other' }])).toBeUndefined();
    expect(assembleLibraryIndex(header, [parts[0]!, { ...parts[1]!, firstDoc: 2 }])).toBeUndefined();
    expect(assembleLibraryIndex({ ...header, videoFirstDoc: Uint32Array.of(0, 1, 3) }, parts)).toBeUndefined();
  });
});

describe('scanWords against the panel\'s WORD_PATTERN', () => {
  it('finds the same words in every row of the bundled sample', async () => {
    const { WORD_PATTERN } = await import('../../../lib/transcript/search');
    const { readFileSync } = await import('node:fs');
    const texts = readFileSync('public/sample.jsonl', 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { text: string }).text);
    expect(texts.length).toBeGreaterThan(50);
    for (const text of texts) expect(words(text)).toEqual([...text.matchAll(WORD_PATTERN)].map((match) => match[0]));
  });
});

describe('the index against the panel\'s words', () => {
  const EDGE_TEXTS = ['Café CAFÉ cafe\u0301 naïve—naive', "don't  don’t\tdont 'quoted'", 'GPT-4, GPT-4; gpt4 (GPT) 175B', 'δέλτα Straße strasse 東京 𝐀𝐁 🙂 x', 'the model learns, the model learned', '', '…?! -- ...', "rock'n'roll rock n roll"];
  const library = [...parseJsonLines(SAMPLE_JSONL).transcripts, transcript('zzzzzzzzzzz', EDGE_TEXTS)];
  const index = buildLibraryIndex('ds', library);
  const texts = library.flatMap(({ segments }) => segments.map((segment) => segment.text));
  // The panel's reading: its pattern over the text, each word folded as its search folds it.
  const panelWords = texts.map((text) => [...text.matchAll(WORD_PATTERN)].map((match) => normalizeText(match[0])));

  it('holds each segment\'s words in order, as the panel reads them', () => {
    expect(wordsOf(index)).toEqual(panelWords);
  });

  it('lists each word\'s segments, each once', () => {
    const expected = index.words.map((word) => panelWords.flatMap((found, doc) => (found.includes(word) ? [doc] : [])));
    expect(docsOf(index)).toEqual(expected);
    expect(index.words).toEqual([...new Set(panelWords.flat())].sort());
  });

  // Query → matching segments, and the first three videos with their first matching segments, as the index before word ids by hash answered them.
  it.each([
    ["negative sampling", 19, ["yexR53My2O4:6,31,32,34","T35ba_VXkMY:21"]],
    ["negatve sampl", 27, ["yexR53My2O4:6,16,31,32","n1SXlK5rhR8:1","T35ba_VXkMY:21"]],
    ["softmax", 8, ["yexR53My2O4:25,26,28,31"]],
    ["word vectors", 36, ["yexR53My2O4:0,5,6,7"]],
    ["the model learns", 96, ["zzzzzzzzzzz:4","yexR53My2O4:0,1,2,3","T35ba_VXkMY:1,2,3,4"]],
    ["don't", 17, ["yexR53My2O4:4,6,9,11","T35ba_VXkMY:12,16,17,18","n1SXlK5rhR8:3,6"]],
    ["dont", 1, ["zzzzzzzzzzz:1"]],
    ["gpt 4", 5, ["zzzzzzzzzzz:2","yexR53My2O4:51,52,55,60"]],
    ["gpt4", 1, ["zzzzzzzzzzz:2"]],
    ["it's a", 82, ["T35ba_VXkMY:0,1,2,3","yexR53My2O4:0,1,2,4","n1SXlK5rhR8:0,2,5,7"]],
    ["tranformer atention", 7, ["T35ba_VXkMY:0,2,4,8","n1SXlK5rhR8:0,4,5"]],
    ["café", 1, ["zzzzzzzzzzz:0"]],
    ["cafe naive", 1, ["zzzzzzzzzzz:0"]],
    ["strasse", 1, ["zzzzzzzzzzz:3"]],
    ["δέλτα", 1, ["zzzzzzzzzzz:3"]],
    ["東京", 1, ["zzzzzzzzzzz:3"]],
    ["𝐀𝐁", 1, ["zzzzzzzzzzz:3"]],
    ["rock'n'roll", 1, ["zzzzzzzzzzz:7"]],
    ["rock n roll", 4, ["zzzzzzzzzzz:7","T35ba_VXkMY:15,17","yexR53My2O4:45"]],
    ["?!", 0, []],
    ["a", 76, ["yexR53My2O4:1,2,4,5","T35ba_VXkMY:0,1,2,3","n1SXlK5rhR8:0,2,5,7"]],
    ["neural netwrk", 1, ["T35ba_VXkMY:6"]],
    ["learn", 14, ["yexR53My2O4:3,6,13,15","zzzzzzzzzzz:4","n1SXlK5rhR8:0,3"]],
  ])('answers %j as before', (query, resultCount, top) => {
    const matches = createIndexQuery(index)(query);
    expect(matches?.resultCount ?? 0).toBe(resultCount);
    expect(
      (matches?.videos ?? [])
        .slice(0, 3)
        .map(({ video, docs }) => `${index.videos[video]!.videoId}:${[...docs.slice(0, 4)].map((doc) => doc - index.videoFirstDoc[video]!).join(',')}`),
    ).toEqual(top);
  });
});
