import { describe, expect, it } from 'vitest';
import { CsvParser, detectDelimiter } from '../../../lib/dataset/csv-parser';

function parseAll(text: string, delimiter: ',' | '\t' = ',', chunkSize = text.length, maxRecordChars?: number) {
  const parser = new CsvParser(delimiter, { maxRecordChars });
  const records = [];
  for (let i = 0; i < text.length; i += chunkSize) records.push(...parser.push(text.slice(i, i + chunkSize)));
  records.push(...parser.finish());
  return records;
}

describe('CsvParser', () => {
  const text = 'video_id,text,start\r\nabc,"hello, ""world""\nsecond line",10\r\n\r\nxyz,plain,20';

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseAll(text)).toEqual([
      { fields: ['video_id', 'text', 'start'], line: 1 },
      { fields: ['abc', 'hello, "world"\nsecond line', '10'], line: 2 },
      { fields: ['xyz', 'plain', '20'], line: 5 },
    ]);
  });

  it.each([1, 2, 3, 7])('gives the same records when fed %i characters at a time', (size) => {
    expect(parseAll(text, ',', size)).toEqual(parseAll(text));
    // A quote inside an unquoted field stays text when a chunk ends just before it.
    expect(parseAll('a,b\n15" screen,x\n', ',', size).map((record) => record.fields)).toEqual([['a', 'b'], ['15" screen', 'x']]);
  });

  it('reads TSV and keeps empty fields', () => {
    expect(parseAll('a\tb\tc\n1\t\t3\n', '\t').map((r) => r.fields)).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
    ]);
  });

  it.each([
    ['a quote inside an unquoted field is a character', 'a,b\n5" screen,x\n', [['a', 'b'], ['5" screen', 'x']]],
    ['old Mac line endings (CR alone)', 'a,b\r1,2\r', [['a', 'b'], ['1', '2']]],
    ['a line of empty fields is a record', 'a,b\n,\n', [['a', 'b'], ['', '']]],
    ['an empty first field', 'a,b\n,x\n', [['a', 'b'], ['', 'x']]],
    ['a last line ending on a delimiter', 'a,b\n1,', [['a', 'b'], ['1', '']]],
    ['a quoted delimiter and line break', 'a\n"x,\ny"\n', [['a'], ['x,\ny']]],
    ['text after a closing quote', 'a\n"x"y\n', [['a'], ['xy']]],
    ['a doubled quote at the very end', 'a\n"x"""', [['a'], ['x"']]],
  ])('reads %s', (_label, text, expected) => {
    expect(parseAll(text).map((r) => r.fields)).toEqual(expected);
  });

  it('numbers records by the line they start on, past quoted line breaks and blank lines', () => {
    expect(parseAll('h\r\n"one\ntwo\nthree"\n\nlast\n').map((r) => r.line)).toEqual([1, 2, 6]);
  });

  it('gives nothing for empty input or blank lines only', () => {
    expect(parseAll('')).toEqual([]);
    expect(parseAll('\n\r\n\n')).toEqual([]);
  });

  it('ends a last quoted field at the end of input', () => {
    expect(parseAll('a,b\n1,"x"').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', 'x'],
    ]);
  });
});

describe('CsvParser with a record cap', () => {
  it.each([1, 4, 1000])('skips records longer than the cap, fed %i characters at a time', (size) => {
    const text = `a,b\n1,${'x'.repeat(30)}\n2,"${'y\n'.repeat(15)}"\n3,ok\nlast,${'z'.repeat(30)}`;
    expect(parseAll(text, ',', size, 20)).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: [], line: 2, tooLong: true },
      { fields: [], line: 3, tooLong: true },
      { fields: ['3', 'ok'], line: 19 },
      { fields: [], line: 20, tooLong: true },
    ]);
  });

  it('keeps a record of exactly the cap, its delimiters and line break counted', () => {
    expect(parseAll('abcd,efgh\n', ',', 3, 10)).toEqual([{ fields: ['abcd', 'efgh'], line: 1 }]);
    expect(parseAll('abcd,efghi\n', ',', 3, 10)).toEqual([{ fields: [], line: 1, tooLong: true }]);
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['video_id,text,start_second', ','],
    ['video_id\ttext\tstart_second', '\t'],
    ['video_id;text;start_second', ';'],
    ['text', ','],
    ['video_id\ttext,start', '\t'],
    ['video_id,text,start\tend', ','],
    ['video_id\ttext;start', '\t'],
    ['video_id;text;start,end', ';'],
    ['video_id;text,start', ','],
  ])('%j → %j', (header, expected) => {
    expect(detectDelimiter(header)).toBe(expected);
  });
});

describe('CsvParser at the edges of the input', () => {
  it.each<[string, string, string[][]]>([
    ['a last line without a line break', 'a,b\n1,2', [['a', 'b'], ['1', '2']]],
    ['a quoted last field without a line break', 'a,b\n1,"2"', [['a', 'b'], ['1', '2']]],
    ['a last line ending in a delimiter', 'a,b\n1,', [['a', 'b'], ['1', '']]],
    ['a quoted field first in the file', '"a,b",c\n', [['a,b', 'c']]],
    ['a quote inside an unquoted field', 'ab"c",d\n', [['ab"c"', 'd']]],
    ['nothing', '', []],
  ])('reads %s', (_label, input, fields) => {
    expect(parseAll(input).map((record) => record.fields)).toEqual(fields);
  });

  it('numbers lines from a blank first line on', () => {
    expect(parseAll('\nid\n')).toEqual([{ fields: ['id'], line: 2 }]);
  });

  it('takes the most frequent delimiter even when tabs are there too', () => {
    expect(detectDelimiter('video_id\ttext;start;end')).toBe(';');
  });
});
