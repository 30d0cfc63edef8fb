// Issue 12's held cases at the reader: each hostile file imports or fails with a clear message, fast.
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterEach, describe, expect, it } from 'vitest';
import { readDataset } from '../../../lib/dataset/reader';
import { streamOf, toDelimitedText, toJsonArrayText, toJsonLinesText, toParquetBytes } from '../../fixtures/dataset-files';
import { HEAVY } from '../../fixtures/hostile-files';
import { makeRow, SAMPLE_ROWS, type SampleRow } from '../../fixtures/sample';

const MARKUP = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(2)">',
  '"><svg onload=alert(3)>',
  '&lt;b&gt; and <b>bold</b> &amp; javascript:alert(4)',
];

const hostileRows: SampleRow[] = MARKUP.map((text, i) => ({
  ...SAMPLE_ROWS[0]!,
  start_second: i * 10,
  end_second: i * 10 + 5,
  text,
  title: '<iframe src="https://example.com"></iframe>',
}));

describe('hostile text stays text', () => {
  it.each([
    ['JSON Lines', () => toJsonLinesText(hostileRows)],
    ['a JSON array', () => toJsonArrayText(hostileRows)],
    ['CSV', () => toDelimitedText(hostileRows as unknown as Record<string, unknown>[])],
    ['Parquet', () => toParquetBytes(hostileRows)],
  ])('in %s', async (_label, make) => {
    const { transcripts } = await readDataset(streamOf(make(), 50));
    expect(transcripts[0]?.segments.map((s) => s.text)).toEqual(MARKUP);
    expect(transcripts[0]?.video.title).toBe('<iframe src="https://example.com"></iframe>');
  });
});

describe('deep nesting', HEAVY, () => {
  const deepArray = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
  const deepObject = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
  const good = JSON.stringify(makeRow());

  it.each([
    ['a JSON line of nested arrays', `${good}\n${deepArray}\n`, 'not-an-object'],
    ['a JSON line of nested objects', `${deepObject}\n${good}\n`, 'bad-video-id'],
    ['an array element of nested arrays', `[${deepArray}, ${good}]`, 'not-an-object'],
    ['a nested row in Whisper segments', `{"id":"yexR53My2O4","segments":[${deepObject}]}\n${good}\n`, 'bad-start'],
  ])('%s is one rejected row', async (_label, text, reason) => {
    const { report } = await readDataset(streamOf(text, 64 * 1024));
    expect(report).toMatchObject({ acceptedRows: 1, rejectedRows: 1, rejectedByReason: { [reason]: 1 } });
  });

  it('a pretty-printed document nested deep is one rejected row', async () => {
    const { format, report } = await readDataset(streamOf(`{\n"nested": ${deepObject}\n}`, 64 * 1024));
    expect(format).toBe('json');
    expect(report).toMatchObject({ acceptedRows: 0, rejectedRows: 1 });
  });
});

describe('wide and odd columns', HEAVY, () => {
  afterEach(() => {
    // Nothing may have reached the shared prototype.
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads a CSV file of 100,000 columns', async () => {
    const extra = Array.from({ length: 100_000 }, (_, i) => `c${i}`);
    const header = ['video_id', 'start_second', 'end_second', 'text', ...extra].join(',');
    const rows = [0, 1, 2].map((i) => ['yexR53My2O4', i * 10, i * 10 + 5, `row ${i}`, ...extra.map(() => '')].join(','));
    const { report, transcripts } = await readDataset(streamOf([header, ...rows].join('\n'), 64 * 1024));
    expect(report).toMatchObject({ totalRows: 3, acceptedRows: 3 });
    expect(transcripts[0]?.segments.map((s) => s.text)).toEqual(['row 0', 'row 1', 'row 2']);
  });

  it('reads CSV columns named __proto__, constructor and prototype as columns', async () => {
    const csv = '__proto__,constructor,prototype,video_id,start_second,end_second,text\n{"polluted":1},x,y,yexR53My2O4,0,5,hello\n';
    const { report, transcripts } = await readDataset(streamOf(csv));
    expect(report.acceptedRows).toBe(1);
    expect(transcripts[0]?.segments).toEqual([{ start: 0, end: 5, text: 'hello' }]);
  });

  it('takes no field from a JSON row’s __proto__', async () => {
    const lines = [
      '{"__proto__": {"polluted": "yes", "video_id": "yexR53My2O4", "start_second": 0, "end_second": 5, "text": "from the prototype"}}',
      '{"video_id": "yexR53My2O4", "segments": [{"__proto__": {"start": 0, "end": 5, "text": "inherited"}}]}',
      JSON.stringify(makeRow()),
    ];
    const { report } = await readDataset(streamOf(lines.join('\n')));
    expect(report).toMatchObject({ totalRows: 3, acceptedRows: 1, rejectedByReason: { 'bad-video-id': 1, 'bad-start': 1 } });
  });

  it('reads a Parquet column named __proto__ as a column', async () => {
    const bytes = new Uint8Array(
      parquetWriteBuffer({
        columnData: [
          { name: '__proto__', data: ['{"polluted":1}'], type: 'STRING' },
          { name: 'video_id', data: ['yexR53My2O4'], type: 'STRING' },
          { name: 'start_second', data: [0], type: 'DOUBLE' },
          { name: 'end_second', data: [5], type: 'DOUBLE' },
          { name: 'text', data: ['hello'], type: 'STRING' },
        ],
      }),
    );
    const { report } = await readDataset(streamOf(bytes));
    expect(report.acceptedRows).toBe(1);
  });
});
