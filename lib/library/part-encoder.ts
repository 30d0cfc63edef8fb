/**
 * Encoding an index part from its docs' numbered words. The postings (each
 * word's docs as varint gaps: sized, laid out, then written in place) are
 * written by `part-encoding.wat`: in Chromium the same three passes in
 * JavaScript cost about as much as numbering the words (~12 ms of an import
 * at 11,300 rows).
 */
import { LIBRARY_INDEX_VERSION, type LibraryIndexPart, type PartWords } from './index-part';
import { instantiateWasm } from './numbering-instance';
import { PART_ENCODING_WASM } from './part-encoding-wasm';

interface PartEncodingExports {
  memory: WebAssembly.Memory;
  /** Writes the postings, the regions given as byte offsets; returns how many words the part holds. */
  encode: (starts: number, distinct: number, last: number, cursor: number, words: number, wordStarts: number, docs: number, docCount: number, vocabularySize: number) => number;
}

/** Encodes a run of docs' words as a part. */
export type PartEncoder = (meta: Pick<LibraryIndexPart, 'sourceId' | 'part' | 'firstDoc'>, words: PartWords) => LibraryIndexPart;

const PAGE_BYTES = 65_536;

/**
 * An encoder of parts, linear in the number of words. Pure apart from its own
 * memory, reused from part to part. Throws `WebAssemblyUnavailableError`
 * where WebAssembly is off.
 */
export function createPartEncoder(): PartEncoder {
  const { memory, encode } = instantiateWasm(PART_ENCODING_WASM).exports as unknown as PartEncodingExports;
  return ({ sourceId, part, firstDoc }, { ids, docStarts, distinct, distinctStarts, vocabularySize }) => {
    const docCount = docStarts.length - 1;
    // The regions `part-encoding.wat` describes, one after the other.
    const distinctAt = distinctStarts.length * 4;
    const last = distinctAt + distinct.length * 4;
    const cursor = last + vocabularySize * 4;
    const words = cursor + vocabularySize * 4;
    const wordStarts = words + vocabularySize * 4;
    const docs = wordStarts + (vocabularySize + 1) * 4;
    // A gap takes at most 5 bytes.
    const end = docs + distinct.length * 5;
    if (end > memory.buffer.byteLength) memory.grow(Math.ceil((end - memory.buffer.byteLength) / PAGE_BYTES));
    const heap = new Uint32Array(memory.buffer);
    heap.set(distinctStarts, 0);
    heap.set(distinct, distinctAt >> 2);
    const present = encode(0, distinctAt, last, cursor, words, wordStarts, docs, docCount, vocabularySize);
    return {
      version: LIBRARY_INDEX_VERSION,
      sourceId,
      part,
      firstDoc,
      docCount,
      tokenStart: docStarts.slice(),
      tokens: vocabularySize <= 0x10000 ? new Uint16Array(ids) : ids.slice(),
      postingWords: heap.slice(words >> 2, (words >> 2) + present),
      postingStart: heap.slice(wordStarts >> 2, (wordStarts >> 2) + present + 1),
      postingDocs: new Uint8Array(memory.buffer, docs, heap[(wordStarts >> 2) + present]).slice(),
    };
  };
}
