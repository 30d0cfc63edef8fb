import { describe, expect, it } from 'vitest';
import { decodeXmlEntities, findElements, findRootName } from '../../../../lib/youtube/captions/xml-text';

describe('decodeXmlEntities at the edges of Unicode', () => {
  it('decodes the last code point', () => {
    expect(decodeXmlEntities('&#x10FFFF;')).toBe('\u{10FFFF}');
  });

  it.each(['&#xDFFF;', '&#57343;', '&#x110000;'])('must not decode %s (a lone surrogate or past Unicode)', (text) => {
    expect(decodeXmlEntities(text)).toBe(text);
  });
});

describe('findElements', () => {
  it('reads attributes in either quotes, with spaces around "=", and flattens child tags', () => {
    expect(findElements(`<body><p t = '1000' d="2500" w='1'>a <s>b</s> c</p><p t="3"/></body>`, 'p')).toEqual([
      { attributes: { t: '1000', d: '2500', w: '1' }, rawText: 'a b c' },
      { attributes: { t: '3' }, rawText: '' },
    ]);
  });

  it('finds nothing in a document without the element', () => {
    expect(findElements('<transcript></transcript>', 'p')).toEqual([]);
  });
});

describe('findRootName', () => {
  it.each([
    ['<transcript><text/></transcript>', 'transcript'],
    ['<?xml version="1.0"?>\n<timedtext format="3"/>', 'timedtext'],
    ['<!-- made by a tool -->\n<transcript/>', 'transcript'],
    ['<!--x--><transcript/>', 'transcript'],
    ['<!DOCTYPE timedtext SYSTEM "t.dtd"><timedtext/>', 'timedtext'],
  ])('%j → %s', (xml, name) => {
    expect(findRootName(xml)).toBe(name);
  });

  it.each(['captions <b>bold</b>', '', '{"events":[]}'])('must not find a root in %j', (text) => {
    expect(findRootName(text)).toBeUndefined();
  });
});
