import { describe, expect, it } from 'vitest';
import { describeError } from '../../../lib/format/describe-error';

describe('describeError', () => {
  it.each([
    [new Error('disk full'), 'disk full'],
    [new DOMException('The database connection is closing.', 'InvalidStateError'), 'The database connection is closing.'],
    [new TypeError('Failed to fetch'), 'Failed to fetch'],
    ['a thrown string', 'a thrown string'],
    [404, '404'],
    [undefined, 'undefined'],
  ])('%s → %j', (error, expected) => {
    expect(describeError(error)).toBe(expected);
  });
});
