import { describe, expect, it } from 'vitest';
import { isRecord } from '../../../lib/guards/is-record';

describe('isRecord', () => {
  it.each([[{}], [{ type: 'getTranscript' }], [Object.create(null) as object]])('accepts the keyed object %j', (value) => {
    expect(isRecord(value)).toBe(true);
  });

  it.each([[null], [undefined], [[]], [[{ type: 'getTranscript' }]], ['{}'], [42], [true]])('rejects %j', (value) => {
    expect(isRecord(value)).toBe(false);
  });
});
