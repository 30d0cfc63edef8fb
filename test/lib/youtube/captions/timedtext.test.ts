import { describe, expect, it } from 'vitest';
import { parseTimedText } from '../../../../lib/youtube/captions/timedtext';
import { decodeXmlEntities } from '../../../../lib/youtube/captions/xml-text';
import { readFixtureText } from './read-fixture';

describe('parseTimedText', () => {
  it('reads json3: windows and "\\n" appends carry no text, words join into lines', () => {
    expect(parseTimedText(readFixtureText('timedtext-asr.json3'))).toEqual({
      kind: 'parsed',
      lines: [
        { start: 0.24, end: 2.2, text: 'so today we talk' },
        { start: 2.2, end: 4.4, text: 'about word vectors' },
        { start: 4.4, end: 7.9, text: '[Music]' },
      ],
      chapters: [],
    });
  });

  it('reads srv3 (milliseconds), flattening word spans and decoding entities once', () => {
    expect(parseTimedText(readFixtureText('timedtext-manual.srv3.xml'))).toEqual({
      kind: 'parsed',
      lines: [
        { start: 1, end: 3.5, text: 'Tom & Jerry\'s "show"' },
        { start: 3.5, end: 5.5, text: 'word by word' },
        { start: 5.5, end: 7.3, text: '<script>alert(1)</script> is text' },
        { start: 7.3, end: 8.5, text: 'café — naïve' },
      ],
      chapters: [],
    });
  });

  it('reads the legacy format (seconds), whose text is escaped twice', () => {
    expect(parseTimedText(readFixtureText('timedtext-legacy.xml'))).toEqual({
      kind: 'parsed',
      lines: [
        { start: 0.5, end: 2.75, text: "I'm here" },
        { start: 2.75, end: 5.85, text: 'fish & chips' },
        { start: 6.1, end: 7.6, text: '<i>music</i>' },
      ],
      chapters: [],
    });
  });

  it('an empty body is empty (the caller calls it blocked)', () => {
    expect(parseTimedText(readFixtureText('timedtext-empty.txt'))).toEqual({ kind: 'empty' });
  });

  it.each([
    ['json3 without events', '{"wireMagic":"pb3"}'],
    ['broken JSON', '{"events": [ {"tStartMs": 0'],
    ['an HTML page (the "sorry" page of a 429)', readFixtureText('timedtext-429.html')],
    ['another XML document', '<?xml version="1.0"?><rss><item>x</item></rss>'],
    ['plain text', 'captions'],
  ])('must not match: %s is unrecognized', (_label, body) => {
    expect(parseTimedText(body)).toEqual({ kind: 'unrecognized' });
  });

  it.each([
    ['json3 events with no words', '{"events":[{"tStartMs":0,"dDurationMs":1000},{"tStartMs":5,"aAppend":1,"segs":[{"utf8":"\\n"}]}]}'],
    ['srv3 with an empty body', '<timedtext format="3"><body></body></timedtext>'],
    ['a transcript with blank lines', '<transcript><text start="1" dur="1">  </text></transcript>'],
  ])('%s is empty', (_label, body) => {
    expect(parseTimedText(body)).toEqual({ kind: 'empty' });
  });

  it.each([
    ['json3 event without a start', '{"events":[{"segs":[{"utf8":"lost"}]},{"tStartMs":1000,"segs":[{"utf8":"kept"}]}]}'],
    ['json3 seg without text', '{"events":[{"tStartMs":1000,"segs":[{"x":1},{"utf8":"kept"}]}]}'],
    ['XML line without a start', '<transcript><text dur="1">lost</text><text start="1">kept</text></transcript>'],
    ['XML line with a bad start', '<transcript><text start="soon">lost</text><text start="1">kept</text></transcript>'],
  ])('must not match: %s', (_label, body) => {
    expect(parseTimedText(body)).toMatchObject({ kind: 'parsed', lines: [{ start: 1, text: 'kept' }] });
  });
});

describe('decodeXmlEntities', () => {
  it.each([
    ['&amp;&lt;&gt;&quot;&apos;', '&<>"\''],
    ['&#39;&#x27;&#X27;', "'''"],
    ['&#128512;', '😀'],
    ['&nbsp;', '\u00a0'],
    ['&amp;lt;', '&lt;'],
  ])('%s → %s', (text, expected) => {
    expect(decodeXmlEntities(text)).toBe(expected);
  });

  it.each(['&unknown;', '&#0;', '&#xD800;', '&#1114112;', '& amp;', '&amp'])('must not decode %s', (text) => {
    expect(decodeXmlEntities(text)).toBe(text);
  });
});

describe('parseTimedText: what YouTube may send besides the usual', () => {
  it('reads json3 times sent as numeric strings', () => {
    expect(parseTimedText('{"events":[{"tStartMs":"1000","dDurationMs":"500","segs":[{"utf8":"hello"}]}]}')).toEqual({
      kind: 'parsed',
      lines: [{ start: 1, end: 1.5, text: 'hello' }],
      chapters: [],
    });
  });

  it('skips events that are not objects', () => {
    expect(parseTimedText('{"events":[null,7,"x",{"tStartMs":1000,"dDurationMs":500,"segs":[{"utf8":"kept"}]}]}')).toMatchObject({
      kind: 'parsed',
      lines: [{ start: 1, text: 'kept' }],
    });
  });

  it('keeps an append event that has words of its own', () => {
    expect(parseTimedText('{"events":[{"tStartMs":1000,"dDurationMs":500,"aAppend":1,"segs":[{"utf8":"kept"}]}]}')).toMatchObject({
      kind: 'parsed',
      lines: [{ start: 1, text: 'kept' }],
    });
  });

  it('reads a body with a line break before it', () => {
    expect(parseTimedText('\n{"events":[{"tStartMs":1000,"dDurationMs":500,"segs":[{"utf8":"hello"}]}]}\n')).toMatchObject({
      kind: 'parsed',
      lines: [{ start: 1, text: 'hello' }],
    });
  });

  it('decodes srv3 text once: an escaped entity stays as written', () => {
    expect(parseTimedText('<timedtext format="3"><body><p t="0" d="1000">say &amp;amp; or &amp;lt;</p></body></timedtext>')).toMatchObject({
      kind: 'parsed',
      lines: [{ start: 0, end: 1, text: 'say &amp; or &lt;' }],
    });
  });
});
