import { describe, expect, it } from 'vitest';
import { buildPanelParams } from '../../../../lib/youtube/captions/panel-request';
import { encodeMessage, encodeVarint } from '../../../../lib/youtube/captions/protobuf';

function bytesOf(base64: string): number[] {
  return [...Buffer.from(base64, 'base64')];
}

function ascii(text: string): number[] {
  return [...Buffer.from(text, 'latin1')];
}

describe('encodeVarint', () => {
  it.each([
    [0, [0x00]],
    [1, [0x01]],
    [127, [0x7f]],
    [128, [0x80, 0x01]],
    [300, [0xac, 0x02]],
    [1194, [0xaa, 0x09]],
    [16_384, [0x80, 0x80, 0x01]],
  ])('%i → %j', (value, bytes) => {
    expect(encodeVarint(value)).toEqual(bytes);
  });

  it.each([-1, 1.5, Number.NaN, 2 ** 53])('refuses %d', (value) => {
    expect(() => encodeVarint(value)).toThrow(RangeError);
  });
});

describe('encodeMessage', () => {
  it('writes a varint field as tag then value', () => {
    expect(encodeMessage([{ field: 3, varint: 1 }])).toEqual([0x18, 0x01]);
  });

  it('writes strings and nested messages with their byte length', () => {
    expect(encodeMessage([{ field: 2, message: [{ field: 1, text: 'hé' }] }])).toEqual([0x12, 0x05, 0x0a, 0x03, 0x68, 0xc3, 0xa9]);
  });
});

describe('buildPanelParams', () => {
  it('is field 149 holding {1: id, 3: 1}, byte for byte', () => {
    // aa 09 = tag of field 149, wire type 2; 0f = 15 bytes follow; 0a 0b = field 1, 11 bytes; 18 01 = field 3, varint 1.
    expect(bytesOf(buildPanelParams('jNQXAC9IVRw'))).toEqual([0xaa, 0x09, 0x0f, 0x0a, 0x0b, ...ascii('jNQXAC9IVRw'), 0x18, 0x01]);
  });

  it.each([
    // What YouTube's own transcript panel sent for this video (public report, 2026).
    ['jNQXAC9IVRw', 'qgkPCgtqTlFYQUM5SVZSdxgB'],
    ['dQw4w9WgXcQ', 'qgkPCgtkUXc0dzlXZ1hjURgB'],
  ])('matches the params YouTube sends for %s', (videoId, params) => {
    expect(buildPanelParams(videoId)).toBe(params);
  });
});
