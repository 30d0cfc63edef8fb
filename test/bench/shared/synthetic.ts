/**
 * Synthetic rows in the shape of `pinecone/yt-transcriptions`, with text drawn
 * from the real words of the bundled sample at the sample's word frequencies.
 *
 * Each video also has a topic: a few of the sample's longer words that make up
 * a small share of its tokens, as a real talk keeps coming back to its subject.
 * Without that, two chosen words would almost never share a 25-second segment
 * and multi-word search quality could not be measured.
 */
import type { SampleRow } from '../../fixtures/sample';
import { editDistance } from './edit-distance';
import type { Random } from './random';

/** One row of the dataset file, exactly as in the JSON Lines source (the sample's shape). */
export type DatasetRow = SampleRow;

export interface SampleVocabulary {
  /** Every whitespace-separated token of the sample's texts, repeats kept: picking uniformly follows its frequencies. */
  tokens: string[];
  /** Distinct lower-case words of 5+ letters: the pool topics are drawn from. */
  topicWords: string[];
}

export interface TextOptions {
  /** Share of tokens drawn from the video's topic words. */
  topicShare: number;
  /** Made-up words added to the vocabulary (the large-vocabulary variant), and their share of tokens. */
  extraWords: readonly string[];
  extraShare: number;
}

const MIN_TEXT_LENGTH = 360;
const MAX_TEXT_LENGTH = 490;
const MIN_SEGMENT_SECONDS = 20;
const MAX_SEGMENT_SECONDS = 30;
const TOPIC_SIZE = 16;
const ID_CHARS = Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-');

export function loadSampleVocabulary(jsonl: string): SampleVocabulary & { rows: number } {
  const texts: string[] = [];
  for (const line of jsonl.split('\n')) {
    if (line.trim() === '') continue;
    const row: unknown = JSON.parse(line);
    if (typeof row === 'object' && row !== null && 'text' in row && typeof row.text === 'string') texts.push(row.text);
  }
  const tokens = texts.flatMap((text) => text.split(/\s+/).filter((token) => token !== ''));
  const topicWords = [...new Set(tokens.map((token) => token.toLowerCase()))].filter((word) => /^[a-z]{5,}$/.test(word));
  return { rows: texts.length, tokens, topicWords };
}

/** The sample word closest in spelling to each query word of 4+ letters ("netwrk" → "network"). */
export function topicForQueries(vocabulary: SampleVocabulary, queries: readonly string[]): string[] {
  const sampleWords = [...new Set(vocabulary.tokens.map((token) => token.toLowerCase()))];
  const topic = new Set<string>();
  for (const word of queries.flatMap((query) => query.toLowerCase().split(/\s+/))) {
    if (word.length < 4) continue;
    let best = word;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const candidate of sampleWords) {
      const distance = editDistance(word, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (bestDistance <= 2) topic.add(best);
  }
  return [...topic];
}

/** Made-up words unlike any sample word: halves of two sample words joined ("transvectors"). */
export function inventWords(vocabulary: SampleVocabulary, count: number, random: Random): string[] {
  const known = new Set(vocabulary.tokens.map((token) => token.toLowerCase()));
  const invented = new Set<string>();
  for (let attempts = 0; invented.size < count && attempts < count * 20; attempts += 1) {
    const head = random.pick(vocabulary.topicWords);
    const tail = random.pick(vocabulary.topicWords);
    const word = head.slice(0, Math.ceil(head.length / 2)) + tail.slice(Math.floor(tail.length / 2));
    if (!known.has(word)) invented.add(word);
  }
  return [...invented];
}

export function randomVideoId(random: Random, taken: Set<string>): string {
  for (;;) {
    let id = '';
    for (let i = 0; i < 11; i += 1) id += random.pick(ID_CHARS);
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

export function randomTopic(vocabulary: SampleVocabulary, random: Random, fixed: readonly string[] = []): string[] {
  const topic = new Set(fixed);
  while (topic.size < Math.max(TOPIC_SIZE, fixed.length)) topic.add(random.pick(vocabulary.topicWords));
  return [...topic];
}

function segmentText(vocabulary: SampleVocabulary, topic: readonly string[], options: TextOptions, random: Random): string {
  const target = random.int(MIN_TEXT_LENGTH, MAX_TEXT_LENGTH);
  let text = '';
  // Short words always exist, so the loop ends once the text is long enough.
  for (let attempts = 0; attempts < 10_000; attempts += 1) {
    const roll = random.next();
    const word =
      roll < options.topicShare
        ? random.pick(topic)
        : roll < options.topicShare + options.extraShare && options.extraWords.length > 0
          ? random.pick(options.extraWords)
          : random.pick(vocabulary.tokens);
    const next = text === '' ? word : `${text} ${word}`;
    if (next.length > target) {
      if (text.length >= MIN_TEXT_LENGTH) break;
      continue;
    }
    text = next;
  }
  return text;
}

/** The rows of one video: `segments` consecutive ~25 s chunks from 0 s. */
export function generateVideo(
  videoId: string,
  segments: number,
  topic: readonly string[],
  vocabulary: SampleVocabulary,
  options: TextOptions,
  random: Random,
): DatasetRow[] {
  const titleWords = Array.from({ length: random.int(4, 8) }, () => random.pick(vocabulary.tokens));
  const title = titleWords.join(' ').replace(/^./, (first) => first.toUpperCase());
  const thumbnail = `https://i.ytimg.com/vi/${videoId}/maxresdefault.jpg`;
  const rows: DatasetRow[] = [];
  let start = random.int(0, 5);
  for (let i = 0; i < segments; i += 1) {
    const end = start + random.int(MIN_SEGMENT_SECONDS, MAX_SEGMENT_SECONDS);
    rows.push({
      video_id: videoId,
      text: segmentText(vocabulary, topic, options, random),
      start_second: start,
      end_second: end,
      url: `https://www.youtube.com/watch?v=${videoId}&t=${start}s`,
      title,
      thumbnail,
    });
    start = end;
  }
  return rows;
}

export interface SyntheticDataset {
  rows: DatasetRow[];
  videoCount: number;
  /** Videos with exactly `lookupVideoSegments` segments: the ones the lookups read. */
  lookupVideoIds: string[];
}

/**
 * Exactly `rowCount` rows, grouped by video as in the real file. Every third
 * video has `lookupVideoSegments` segments; the others 30 to one less than that.
 */
export function generateDataset(
  rowCount: number,
  lookupVideoSegments: number,
  vocabulary: SampleVocabulary,
  random: Random,
): SyntheticDataset {
  const options: TextOptions = { topicShare: 0.06, extraWords: [], extraShare: 0 };
  const taken = new Set<string>();
  const rows: DatasetRow[] = [];
  const lookupVideoIds: string[] = [];
  let videoCount = 0;
  while (rows.length < rowCount) {
    const wanted = videoCount % 3 === 0 ? lookupVideoSegments : random.int(30, lookupVideoSegments - 1);
    const segments = Math.min(wanted, rowCount - rows.length);
    const videoId = randomVideoId(random, taken);
    const topic = randomTopic(vocabulary, random);
    for (const row of generateVideo(videoId, segments, topic, vocabulary, options, random)) rows.push(row);
    if (segments === lookupVideoSegments) lookupVideoIds.push(videoId);
    videoCount += 1;
  }
  return { rows, videoCount, lookupVideoIds };
}

/** The file the user would import: one JSON object per line. */
export function toJsonLines(rows: readonly DatasetRow[]): string {
  return rows.map((row) => JSON.stringify(row)).join('\n') + '\n';
}
