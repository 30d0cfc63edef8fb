import { afterEach, describe, expect, it } from 'vitest';
import { parseComputedColor, readTheme, relativeLuminance } from '../../../lib/youtube/theme';

afterEach(() => {
  document.documentElement.removeAttribute('dark');
  document.documentElement.style.background = '';
  document.body.style.background = '';
});

describe('parseComputedColor', () => {
  it.each([
    ['rgb(3, 3, 3)', { red: 3, green: 3, blue: 3, alpha: 1 }],
    ['rgba(0, 0, 0, 0)', { red: 0, green: 0, blue: 0, alpha: 0 }],
    ['rgba(255, 255, 255, 0.5)', { red: 255, green: 255, blue: 255, alpha: 0.5 }],
    ['rgb(15 15 15 / 50%)', { red: 15, green: 15, blue: 15, alpha: 0.5 }],
    ['#030303', { red: 3, green: 3, blue: 3, alpha: 1 }],
    ['#fff', { red: 255, green: 255, blue: 255, alpha: 1 }],
    ['#ffffff00', { red: 255, green: 255, blue: 255, alpha: 0 }],
  ])('reads %s', (value, expected) => {
    expect(parseComputedColor(value)).toEqual(expected);
  });

  it.each(['transparent', '#0f0f0', '#ggg', 'color(srgb 0 0 0)', '', 'rgb(1, 2)', 'rgb(1, 2, 3) x'])('does not read %j', (value) => {
    expect(parseComputedColor(value)).toBeNull();
  });
});

describe('relativeLuminance', () => {
  it.each([
    [{ red: 0, green: 0, blue: 0, alpha: 1 }, 0],
    [{ red: 255, green: 255, blue: 255, alpha: 1 }, 1],
    // #767676, the grey with 4.54:1 against white.
    [{ red: 118, green: 118, blue: 118, alpha: 1 }, 0.181],
  ])('of %j is %f', (color, expected) => {
    expect(relativeLuminance(color)).toBeCloseTo(expected, 3);
  });
});

describe('readTheme', () => {
  it("follows YouTube's dark attribute", () => {
    expect(readTheme(document)).toBe('light');
    document.documentElement.setAttribute('dark', '');
    expect(readTheme(document)).toBe('dark');
  });

  it('reads a page that is dark without the attribute (YouTube Music) from its background', () => {
    document.body.style.background = '#030303';
    expect(readTheme(document)).toBe('dark');
    document.body.style.background = '#f9f9f9';
    expect(readTheme(document)).toBe('light');
  });

  it("falls back to <html>'s background when <body>'s is transparent", () => {
    document.documentElement.style.background = 'rgb(15, 15, 15)';
    expect(readTheme(document)).toBe('dark');
  });
});

describe('theme: colors as engines write them, and pages without parts', () => {
  it.each([
    [' rgb(1, 2, 3) ', { red: 1, green: 2, blue: 3, alpha: 1 }],
    ['rgb(1, 2, 3 )', { red: 1, green: 2, blue: 3, alpha: 1 }],
    ['rgba(1, 2, 3,0.5)', { red: 1, green: 2, blue: 3, alpha: 0.5 }],
    ['#00000080', { red: 0, green: 0, blue: 0, alpha: 128 / 255 }],
  ])('reads %j', (value, expected) => {
    expect(parseComputedColor(value)).toEqual(expected);
  });

  it.each(['x#fff', 'xrgb(1, 2, 3)'])('does not read %j', (value) => {
    expect(parseComputedColor(value)).toBeNull();
  });

  it('gives a very dark grey (10, 10, 10) the luminance of the linear part of sRGB', () => {
    expect(relativeLuminance({ red: 10, green: 10, blue: 10, alpha: 1 })).toBeCloseTo(0.00304, 5);
  });

  it("reads a light <html> behind a transparent <body> as light", () => {
    document.body.style.background = 'rgba(0, 0, 0, 0)';
    document.documentElement.style.background = '#f9f9f9';
    expect(readTheme(document)).toBe('light');
  });

  it('is light for a document without a window', () => {
    expect(readTheme(document.implementation.createHTMLDocument(''))).toBe('light');
  });

  it('reads <html> on a page without a <body> (one still loading)', () => {
    // A page of its own (the shared document keeps its body for the tests after this one), seen through this window.
    const page = document.implementation.createHTMLDocument('');
    Object.defineProperty(page, 'defaultView', { value: window });
    page.body.remove();
    page.documentElement.style.background = 'rgb(15, 15, 15)';
    expect(readTheme(page)).toBe('dark');
  });
});
