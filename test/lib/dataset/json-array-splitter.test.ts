import { describe, expect, it } from 'vitest';
import { DatasetFormatError } from '../../../lib/dataset/format-error';
import { JsonArraySplitter } from '../../../lib/dataset/json-array-splitter';

/** The elements' texts (and `null` for each over the cap) of `text` fed `size` characters at a time. */
function split(text: string, { size = text.length, maxChars = 40 } = {}): (string | null)[] {
  const out: (string | null)[] = [];
  const splitter = new JsonArraySplitter(maxChars, { onElement: (element) => out.push(element), onTooLong: () => out.push(null) });
  for (let i = 0; i < text.length; i += size) splitter.push(text.slice(i, i + size));
  splitter.finish();
  return out;
}

describe('JsonArraySplitter', () => {
  it.each([
    ['objects', '[{"a":1},{"b":2}]', ['{"a":1}', '{"b":2}']],
    ['blanks around everything', ' [ {"a":1} ,\n {"b":2} ]\n', ['{"a":1}', '{"b":2}']],
    ['nested arrays and objects', '[{"s":[{"t":[1,2]},3]},[4,[5]]]', ['{"s":[{"t":[1,2]},3]}', '[4,[5]]']],
    ['brackets, commas and quotes inside strings', String.raw`[{"t":"a],[}{,\"q\""},"x,y"]`, [String.raw`{"t":"a],[}{,\"q\""}`, '"x,y"']],
    ['an escaped backslash before a closing quote', String.raw`["a\\",{"b":1}]`, [String.raw`"a\\"`, '{"b":1}']],
    ['two backslashes, then the closing quote', String.raw`["\\",1]`, [String.raw`"\\"`, '1']],
    ['three backslashes: an escaped quote inside', String.raw`["\\\"]",1]`, [String.raw`"\\\"]"`, '1']],
    ['an escaped quote first in a string', String.raw`["\",]",1]`, [String.raw`"\",]"`, '1']],
    ['a unicode escape', String.raw`["\u005d\u0022",1]`, [String.raw`"\u005d\u0022"`, '1']],
    ['scalars', '[1, true, null, "s"]', ['1', 'true', 'null', '"s"']],
    ['one element', '[{"a":1}]', ['{"a":1}']],
    ['one element, over the cap', `["${'x'.repeat(60)}"]`, [null]],
    ['an empty array', '[]', []],
    ['an empty array with blanks', '[ \n ]', []],
    ['a missing element', '[1,,2]', ['1', '', '2']],
    ['a trailing comma', '[1,]', ['1', '']],
    ['an element over the cap', `[1,"${'x'.repeat(60)}",2]`, ['1', null, '2']],
    ['a nested element over the cap', `[{"a":[{"b":"${'x'.repeat(60)}"}]},2]`, [null, '2']],
  ])('%s', (_label, text, expected) => {
    expect(split(text)).toEqual(expected);
    for (const size of [1, 2, 3, 5]) expect(split(text, { size })).toEqual(expected);
  });

  it.each([
    ['cut short', '[{"a":1},{"b":'],
    ['cut short inside a string', '[{"a":"]'],
    ['never opened by more than blanks', '   '],
    ['text after the array', '[1] 2'],
    ['a second array', '[1][2]'],
  ])('refuses an array %s', (_label, text) => {
    expect(() => split(text)).toThrow(DatasetFormatError);
    expect(() => split(text, { size: 1 })).toThrow(DatasetFormatError);
  });

  it('says what is wrong with text after the array', () => {
    expect(() => split('[1] 2')).toThrow('The file starts like JSON but is not valid JSON (there is more text after the array ends).');
  });

  it('numbers elements from 1, over-long ones included', () => {
    const indexes: number[] = [];
    const splitter = new JsonArraySplitter(5, { onElement: (_text, index) => indexes.push(index), onTooLong: (index) => indexes.push(-index) });
    splitter.push('[1,"long string",3]');
    splitter.finish();
    expect(indexes).toEqual([1, -2, 3]);
  });
});
