/**
 * Figure 2: search while typing inside one 450-segment video. Ours: one
 * `createTranscriptSearch` per video (its build timed apart), then every prefix
 * of every query typed character by character. Baseline: fuse.js straight over
 * the segment texts, searched with the same prefixes.
 */
import Fuse from 'fuse.js';
import { createTranscriptSearch, tokenizeQuery } from '../../../lib/transcript/search';
import type { Segment } from '../../../lib/transcript/types';
import type { KeystrokeSamples, QueryQuality, SearchResult, SearchSpec } from '../shared/protocol';
import { idealTopFive, queryWords, topFiveHoldingEveryWord } from './quality';
import { createRandom } from '../shared/random';
import {
  generateVideo,
  inventWords,
  randomTopic,
  randomVideoId,
  topicForQueries,
  type SampleVocabulary,
  type TextOptions,
} from '../shared/synthetic';
import { progress, timeSync } from './timing';

export const BASELINE_FUSE_OPTIONS = {
  keys: ['text'],
  ignoreLocation: true,
  includeScore: true,
  includeMatches: true,
  threshold: 0.34,
};

/** Share of tokens taken from the made-up words in the large-vocabulary variant. */
const EXTRA_WORD_SHARE = 0.2;

/** Every prefix of the query, as the search box sees it after each keystroke. */
function keystrokes(query: string): string[] {
  return Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1));
}

interface QualitySums {
  oursSelf: number;
  ours: number;
  oursIdeal: number;
  baseline: number;
}

export function searchBench(spec: SearchSpec, vocabulary: SampleVocabulary): SearchResult {
  const random = createRandom(spec.seed);
  const extraWords = inventWords(vocabulary, spec.extraVocabulary, random);
  const options: TextOptions = { topicShare: 0.06, extraWords, extraShare: extraWords.length > 0 ? EXTRA_WORD_SHARE : 0 };
  // The videos are about what is searched for: the query words are among their topic words.
  const queryTopic = topicForQueries(vocabulary, spec.queries);
  const taken = new Set<string>();

  const oursBuild: number[] = [];
  const baselineBuild: number[] = [];
  const oursKeystrokes: KeystrokeSamples = Object.fromEntries(spec.queries.map((query) => [query, []]));
  const baselineKeystrokes: KeystrokeSamples = Object.fromEntries(spec.queries.map((query) => [query, []]));
  const sums = new Map<string, QualitySums>(spec.queries.map((query) => [query, { oursSelf: 0, ours: 0, oursIdeal: 0, baseline: 0 }]));
  let vocabularyTotal = 0;

  for (let v = 0; v < spec.videos; v += 1) {
    const videoId = randomVideoId(random, taken);
    const topic = randomTopic(vocabulary, random, queryTopic);
    const rows = generateVideo(videoId, spec.segmentsPerVideo, topic, vocabulary, options, random);
    const segments: Segment[] = rows.map((row) => ({ start: row.start_second, end: row.end_second, text: row.text }));
    const texts = segments.map((segment) => segment.text);
    vocabularyTotal += tokenizeQuery(texts.join('\n')).length;

    const built = timeSync(() => createTranscriptSearch(segments));
    oursBuild.push(built.ms);
    for (const query of spec.queries) {
      const samples = oursKeystrokes[query]!;
      for (const prefix of keystrokes(query)) samples.push(timeSync(() => built.value.search(prefix)).ms);
      // Quality of the finished query (served from the word cache: untimed).
      const top = built.value.search(query).slice(0, 5);
      const words = queryWords(query);
      const sum = sums.get(query)!;
      sum.oursSelf += top.filter((hit) => hit.matchedWords === tokenizeQuery(query).length).length / 5;
      sum.ours += topFiveHoldingEveryWord(top.map((hit) => texts[hit.segmentIndex]!), words);
      sum.oursIdeal += idealTopFive(texts, words);
    }

    if (spec.baseline) {
      const fuse = timeSync(() => new Fuse(segments, BASELINE_FUSE_OPTIONS));
      baselineBuild.push(fuse.ms);
      for (const query of spec.queries) {
        const samples = baselineKeystrokes[query]!;
        let last: Segment[] = [];
        for (const prefix of keystrokes(query)) {
          const timed = timeSync(() => fuse.value.search(prefix));
          samples.push(timed.ms);
          last = timed.value.map((result) => result.item);
        }
        sums.get(query)!.baseline += topFiveHoldingEveryWord(last.map((segment) => segment.text), queryWords(query));
      }
    }
    progress(`search: video ${v + 1}/${spec.videos} done${extraWords.length > 0 ? ' (large vocabulary)' : ''}`);
  }

  const quality: QueryQuality[] = spec.queries
    .filter((query) => queryWords(query).length > 1)
    .map((query) => {
      const sum = sums.get(query)!;
      const ideal = sum.oursIdeal / spec.videos;
      return {
        query,
        oursSelfJudged: sum.oursSelf / spec.videos,
        ours: { topFiveAllWords: sum.ours / spec.videos, ideal },
        baseline: spec.baseline ? { topFiveAllWords: sum.baseline / spec.videos, ideal } : null,
      };
    });

  return {
    videos: spec.videos,
    segmentsPerVideo: spec.segmentsPerVideo,
    vocabularySize: vocabularyTotal / spec.videos,
    oursBuild,
    oursKeystrokes,
    baselineBuild,
    baselineKeystrokes,
    quality,
  };
}
