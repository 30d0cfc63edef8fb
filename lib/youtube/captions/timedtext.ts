/**
 * Reads YouTube's timed-text answers (what `/api/timedtext` sends the player):
 * json3, srv3 XML and the legacy XML format. Pure; never throws.
 */
import { isJsonObject, parseJsonText, readNumber } from './json-reader';
import { finishLines, type FinishOptions } from './lines';
import { JSON3, TIMEDTEXT_XML } from './shapes';
import type { ParsedCaptions, TimedText } from './types';
import { decodeXmlEntities, findElements, findRootName } from './xml-text';

function finish(timed: TimedText[], options: FinishOptions): ParsedCaptions {
  const lines = finishLines(timed, options);
  return lines.length === 0 ? { kind: 'empty' } : { kind: 'parsed', lines, chapters: [] };
}

/** A finite number, or a numeric string as YouTube sometimes sends; `undefined` otherwise. */
function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  return typeof value === 'string' ? readNumber({ value }, ['value']) : undefined;
}

/**
 * json3: `{events: [{tStartMs, dDurationMs, segs: [{utf8}]}]}`; events without
 * segs are windows. Direct property reads (type-checked): a 2-hour video has
 * ~20,000 segments.
 */
export function parseJson3(answer: unknown, options: FinishOptions = {}): ParsedCaptions {
  const events = isJsonObject(answer) ? answer[JSON3.events] : undefined;
  if (!Array.isArray(events)) return { kind: 'unrecognized' };
  const timed: TimedText[] = [];
  for (const event of events as unknown[]) {
    if (!isJsonObject(event)) continue;
    const segs = event[JSON3.segs];
    const startMs = toNumber(event[JSON3.startMs]);
    if (!Array.isArray(segs) || segs.length === 0 || startMs === undefined) continue;
    let text = '';
    for (const seg of segs as unknown[]) {
      const utf8 = isJsonObject(seg) ? seg[JSON3.segText] : undefined;
      if (typeof utf8 === 'string') text += utf8;
    }
    // An append event carries the "\n" that breaks the window's rows: no words of its own.
    if (toNumber(event[JSON3.append]) === 1 && text.trim() === '') continue;
    const durationMs = toNumber(event[JSON3.durationMs]);
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
