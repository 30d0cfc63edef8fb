/**
 * Reads YouTube's timed-text answers (what `/api/timedtext` sends the player):
 * json3, srv3 XML and the legacy XML format. Pure; never throws.
 */
import { isJsonObject, parseJsonText, readArray, readNumber, readPath, readString } from './json-reader';
import { finishLines, type FinishOptions } from './lines';
import { JSON3, TIMEDTEXT_XML } from './shapes';
import type { ParsedCaptions, TimedText } from './types';
import { decodeXmlEntities, findElements, findRootName } from './xml-text';

function finish(timed: TimedText[], options: FinishOptions): ParsedCaptions {
  const lines = finishLines(timed, options);
  return lines.length === 0 ? { kind: 'empty' } : { kind: 'parsed', lines, chapters: [] };
}

/** json3: `{events: [{tStartMs, dDurationMs, segs: [{utf8}]}]}`; events without segs are windows. */
export function parseJson3(answer: unknown, options: FinishOptions = {}): ParsedCaptions {
  const events = readPath(answer, JSON3.events);
  if (!Array.isArray(events)) return { kind: 'unrecognized' };
  const timed: TimedText[] = [];
  for (const event of events) {
    if (!isJsonObject(event)) continue;
    const segs = readArray(event, JSON3.segs);
    const startMs = readNumber(event, JSON3.startMs);
    if (segs.length === 0 || startMs === undefined) continue;
    const text = segs.map((seg) => readString(seg, JSON3.segText) ?? '').join('');
    // An append event carries the "\n" that breaks the window's rows: no words of its own.
    if (readNumber(event, JSON3.append) === 1 && text.trim() === '') continue;
    const durationMs = readNumber(event, JSON3.durationMs);
    timed.push({ start: startMs / 1000, end: durationMs === undefined ? undefined : (startMs + durationMs) / 1000, text });
  }
  return finish(timed, options);
}

type XmlFormat = (typeof TIMEDTEXT_XML)[keyof typeof TIMEDTEXT_XML];

function parseXmlLines(xml: string, format: XmlFormat, decodeTwice: boolean, options: FinishOptions): ParsedCaptions {
  const scale = format.unit === 'ms' ? 1 / 1000 : 1;
  const timed: TimedText[] = [];
  for (const element of findElements(xml, format.line)) {
    const start = readNumber(element.attributes, [format.start]);
    if (start === undefined) continue;
    const duration = readNumber(element.attributes, [format.duration]);
    let text = decodeXmlEntities(element.rawText);
    if (decodeTwice) text = decodeXmlEntities(text);
    timed.push({ start: start * scale, end: duration === undefined ? undefined : (start + duration) * scale, text });
  }
  return finish(timed, options);
}

/**
 * Any timed-text body: json3, srv3 (`<timedtext format="3">`, ms) or legacy
 * (`<transcript>`, seconds, its text escaped twice). An empty body is `empty`
 * here; the caller decides it means "blocked" (see outcome.ts).
 */
export function parseTimedText(body: string, options: FinishOptions = {}): ParsedCaptions {
  const text = body.trim();
  if (text === '') return { kind: 'empty' };
  if (text.startsWith('{')) return parseJson3(parseJsonText(text), options);
  switch (findRootName(text)) {
    case 'timedtext':
      return parseXmlLines(text, TIMEDTEXT_XML.srv3, false, options);
    case 'transcript':
      return parseXmlLines(text, TIMEDTEXT_XML.legacy, true, options);
    default:
      return { kind: 'unrecognized' };
  }
}
