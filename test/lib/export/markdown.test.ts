import { Parser, type Node } from 'commonmark';
import { describe, expect, it } from 'vitest';
import { toSingleLine } from '../../../lib/export/clean-text';
import { escapeMarkdown, formatMarkdown } from '../../../lib/export/markdown';
import { HOSTILE_TEXTS, makeTranscript, SAMPLE_SEGMENTS } from './fixtures';

/** The document's top-level blocks, each with its inline children, as commonmark.js (CommonMark's reference parser) reads them. */
function readBlocks(markdown: string): Array<{ type: string; level: number; children: Node[] }> {
  const blocks: Array<{ type: string; level: number; children: Node[] }> = [];
  for (let block = new Parser().parse(markdown).firstChild; block; block = block.next) {
    const children: Node[] = [];
    for (let child = block.firstChild; child; child = child.next) children.push(child);
    blocks.push({ type: block.type, level: block.level, children });
  }
  return blocks;
}

/** Plain text of inline nodes; fails on anything but text (emphasis, code, links, HTML…). */
function readPlainText(nodes: readonly Node[]): string {
  return nodes
    .map((node) => {
      expect(node.type).toBe('text');
      return node.literal ?? '';
    })
    .join('');
}

describe('formatMarkdown', () => {
  it('writes a heading, then each segment after a link to its moment', () => {
    expect(formatMarkdown(makeTranscript(SAMPLE_SEGMENTS))).toBe(
      '# Word2Vec: Distributed Representations\n\n' +
        "[0:00](https://www.youtube.com/watch?v=yexR53My2O4&t=0s) hi there today we'll look at distributed representations of words\n\n" +
        '[0:25](https://www.youtube.com/watch?v=yexR53My2O4&t=25s) in NLP since this paper basically until recently\n\n' +
        '[59:59](https://www.youtube.com/watch?v=yexR53My2O4&t=3599s) past the hour\n',
    );
    const blocks = readBlocks(formatMarkdown(makeTranscript(SAMPLE_SEGMENTS)));
    expect(blocks.map((block) => block.type)).toEqual(['heading', 'paragraph', 'paragraph', 'paragraph']);
    const [link] = blocks[3]!.children;
    expect([link!.type, link!.destination, link!.firstChild?.literal]).toEqual(['link', 'https://www.youtube.com/watch?v=yexR53My2O4&t=3599s', '59:59']);
  });

  it.each(HOSTILE_TEXTS)('renders %s as the same text, in its one paragraph', (_name, text) => {
    const blocks = readBlocks(formatMarkdown(makeTranscript([{ start: 65, end: 70, text }], text)));
    expect(blocks).toHaveLength(2);
    const [heading, paragraph] = blocks;
    expect([heading!.type, heading!.level]).toEqual(['heading', 1]);
    expect(readPlainText(heading!.children)).toBe(toSingleLine(text));
    expect(paragraph!.type).toBe('paragraph');
    const [link, ...rest] = paragraph!.children;
    expect([link!.type, link!.destination]).toEqual(['link', 'https://www.youtube.com/watch?v=yexR53My2O4&t=65s']);
    expect(readPlainText(rest)).toBe(` ${toSingleLine(text)}`);
  });

  it('leaves out segments with no text', () => {
    const markdown = formatMarkdown(makeTranscript([{ start: 0, end: 1, text: ' \n ' }, { start: 1, end: 2, text: 'two' }]));
    expect(markdown).toBe('# Word2Vec: Distributed Representations\n\n[0:01](https://www.youtube.com/watch?v=yexR53My2O4&t=1s) two\n');
  });

  it('uses h:mm:ss past the hour, and the video id for a title with nothing left', () => {
    const markdown = formatMarkdown(makeTranscript([{ start: 3725.9, end: 3730, text: 'late' }], ' \u200B '));
    expect(markdown).toBe('# yexR53My2O4\n\n[1:02:05](https://www.youtube.com/watch?v=yexR53My2O4&t=3725s) late\n');
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['plain words', 'plain words'],
    ['*a* _b_', '\\*a\\* \\_b\\_'],
    ['[x](y)', '\\[x\\](y)'],
    ['<b> & </b>', '\\<b\\> \\& \\</b\\>'],
    ['a # b', 'a \\# b'],
    ['back\\slash', 'back\\\\slash'],
  ])('%s → %s', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });
});
