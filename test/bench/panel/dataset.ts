/**
 * The dataset the panel bench's extension downloads as "the full dataset":
 * the bundled sample, a 450-segment talk (the size of a long dataset video)
 * and a pathological 50,000-segment one (3 s lines, 41 hours).
 */
import { SAMPLE_ROWS } from '../../fixtures/sample';
import { createRandom } from '../shared/random';
import { generateVideo, type DatasetRow, type SampleVocabulary } from '../shared/synthetic';

export const LONG_DATASET_VIDEO = 'bench450seg';
export const HUGE_DATASET_VIDEO = 'bench50kseg';
const HUGE_SEGMENTS = 50_000;
const HUGE_LINE_SECONDS = 3;

function hugeVideo(vocabulary: SampleVocabulary, seed: number): DatasetRow[] {
  const random = createRandom(seed);
  return Array.from({ length: HUGE_SEGMENTS }, (_, index) => {
    const start = index * HUGE_LINE_SECONDS;
    return {
      video_id: HUGE_DATASET_VIDEO,
      text: Array.from({ length: random.int(6, 12) }, () => random.pick(vocabulary.tokens)).join(' '),
      start_second: start,
      end_second: start + HUGE_LINE_SECONDS,
      url: `https://www.youtube.com/watch?v=${HUGE_DATASET_VIDEO}&t=${start}s`,
      title: 'Fifty thousand lines',
      thumbnail: `https://i.ytimg.com/vi/${HUGE_DATASET_VIDEO}/maxresdefault.jpg`,
    };
  });
}

/** The rows, grouped by video as in the real file. */
export function panelBenchRows(vocabulary: SampleVocabulary, seed: number): DatasetRow[] {
  const options = { topicShare: 0.06, extraWords: [], extraShare: 0 };
  const topic = vocabulary.topicWords.slice(0, 16);
  return [
    ...SAMPLE_ROWS,
    ...generateVideo(LONG_DATASET_VIDEO, 450, topic, vocabulary, options, createRandom(seed)),
    ...hugeVideo(vocabulary, seed + 1),
  ];
}
