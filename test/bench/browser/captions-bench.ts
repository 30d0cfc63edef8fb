/**
 * Figure 6: YouTube captions for a video the dataset lacks. Parsing a 2-hour
 * video's `get_panel` answer and its json3 as they arrive (text in, lines
 * out, `JSON.parse` included), and opening it again from the captions cache
 * (`readCachedCaptions`, the background's read), with many such videos
 * cached. Compared in the report with the dataset lookup of the same run.
 */
import { deleteDB } from 'idb';
import { openCaptionsDb, readCachedCaptions, writeCachedCaptions } from '../../../lib/captions/cache-db';
import type { CachedCaptions } from '../../../lib/captions/cached-captions';
import { parsePanelResponse } from '../../../lib/youtube/captions/panel-response';
import { parseTimedText } from '../../../lib/youtube/captions/timedtext';
import { buildJson3Answer, buildPanelAnswer, type LineSpec } from '../../fixtures/captions/youtube-answers';
import type { CaptionsResult, CaptionsSpec } from '../shared/protocol';
import { createRandom, type Random } from '../shared/random';
import type { SampleVocabulary } from '../shared/synthetic';
import { progress, timeAsync, timeSync } from './timing';

export const CAPTIONS_DB_NAME = 'bench-captions';
const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

function makeVideoId(random: Random): string {
  return Array.from({ length: 11 }, () => ID_CHARS[random.int(0, ID_CHARS.length - 1)]).join('');
}

/** Lines of 6–14 sample words, evenly spread with a little jitter, as captions run. */
function makeLines(spec: CaptionsSpec, vocabulary: SampleVocabulary, random: Random): LineSpec[] {
  const step = spec.durationSeconds / spec.lines;
  return Array.from({ length: spec.lines }, (_, index) => ({
    start: Math.round((index * step + random.next() * step * 0.5) * 100) / 100,
    text: Array.from({ length: random.int(6, 14) }, () => random.pick(vocabulary.tokens)).join(' '),
  }));
}

export async function captionsBench(spec: CaptionsSpec, vocabulary: SampleVocabulary): Promise<CaptionsResult> {
  const random = createRandom(spec.seed);
  const videoId = makeVideoId(random);
  const lines = makeLines(spec, vocabulary, random);
  const chapters = Array.from({ length: spec.chapters }, (_, index) => ({
    start: Math.floor((index * spec.durationSeconds) / spec.chapters),
    title: `Chapter ${index + 1}: ${random.pick(vocabulary.topicWords)}`,
  }));
  const panelText = JSON.stringify(buildPanelAnswer(videoId, lines, chapters));
  const json3Text = JSON.stringify(buildJson3Answer(lines));
  const options = { videoDuration: spec.durationSeconds };

  const parsePanel: number[] = [];
  const parseJson3: number[] = [];
  for (let run = 0; run < spec.parseWarmup + spec.parses; run += 1) {
    const panel = timeSync(() => parsePanelResponse(JSON.parse(panelText), options));
    const json3 = timeSync(() => parseTimedText(json3Text, options));
    if (panel.value.kind !== 'parsed' || panel.value.lines.length !== spec.lines || panel.value.chapters.length !== spec.chapters) {
      throw new Error('the panel answer did not parse whole');
    }
    if (json3.value.kind !== 'parsed' || json3.value.lines.length !== spec.lines) throw new Error('the json3 answer did not parse whole');
    if (run >= spec.parseWarmup) {
      parsePanel.push(panel.ms);
      parseJson3.push(json3.ms);
    }
  }
  progress(`captions: ${spec.parses} parses of each answer done`);

  const parsed = parsePanelResponse(JSON.parse(panelText), options);
  if (parsed.kind !== 'parsed') throw new Error('unreachable');
  await deleteDB(CAPTIONS_DB_NAME);
  const db = await openCaptionsDb(CAPTIONS_DB_NAME);
  const track = { id: '.en', languageCode: 'en', isAutomatic: false, name: 'English' };
  const ids: string[] = [];
  for (let index = 0; index < spec.cachedVideos; index += 1) {
    const id = makeVideoId(random);
    ids.push(id);
    const captions: CachedCaptions = { videoId: id, trackId: '.en', track, tracks: [track], lines: parsed.lines, chapters: parsed.chapters, method: 'get_panel', fetchedAt: index };
    await writeCachedCaptions(db, captions, { now: index });
  }
  const openFromCache: number[] = [];
  for (let run = 0; run < spec.openWarmup + spec.opens; run += 1) {
    const id = random.pick(ids);
    const opened = await timeAsync(() => readCachedCaptions(db, id, {}));
    if (opened.value.captions?.lines.length !== spec.lines) throw new Error(`the cache lost ${id}`);
    if (run >= spec.openWarmup) openFromCache.push(opened.ms);
  }
  db.close();
  await deleteDB(CAPTIONS_DB_NAME);
  progress(`captions: ${spec.opens} opens from a cache of ${spec.cachedVideos} videos done`);
  return {
    lines: spec.lines,
    chapters: spec.chapters,
    panelChars: panelText.length,
    json3Chars: json3Text.length,
    parsePanel,
    parseJson3,
    cachedVideos: spec.cachedVideos,
    openFromCache,
  };
}
