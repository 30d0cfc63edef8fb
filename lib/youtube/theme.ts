/**
 * Light or dark, as the YouTube page shows it: desktop and mobile YouTube
 * mark dark with an attribute on `<html>`; YouTube Music is always dark and
 * says so only with its background. Functions take the document they read.
 */
import { DARK_THEME_ATTRIBUTE } from './selectors';

export type Theme = 'light' | 'dark';

export interface RgbaColor {
  red: number;
  green: number;
  blue: number;
  alpha: number;
}

/** Parses a computed CSS color (`rgb(3, 3, 3)`, `rgba(0, 0, 0, 0)`, or hex as some engines give it); `null` for anything else. Pure. */
export function parseComputedColor(value: string): RgbaColor | null {
  const text = value.trim();
  const hex = /^#([\da-f]{3}|[\da-f]{6}|[\da-f]{8})$/i.exec(text)?.[1];
  if (hex !== undefined) {
    const digits = hex.length === 3 ? hex.replace(/./g, '$&$&') : hex;
    const byte = (index: number): number => parseInt(digits.slice(index, index + 2), 16);
    return { red: byte(0), green: byte(2), blue: byte(4), alpha: digits.length === 8 ? byte(6) / 255 : 1 };
  }
  const match = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(text);
  if (!match) return null;
  const [, red, green, blue, alpha] = match;
  const opacity = alpha === undefined ? 1 : alpha.endsWith('%') ? Number(alpha.slice(0, -1)) / 100 : Number(alpha);
  return { red: Number(red), green: Number(green), blue: Number(blue), alpha: opacity };
}

/** WCAG relative luminance of an sRGB color, 0 (black) to 1 (white). Pure. */
export function relativeLuminance({ red, green, blue }: RgbaColor): number {
  const linear = (channel: number): number => {
    const value = channel / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
}

/** Below this luminance a page background reads as dark (mid grey is about 0.2). */
const DARK_LUMINANCE = 0.2;

/** The page's theme: YouTube's `dark` attribute, else the first opaque background of `<body>` or `<html>`. Reads computed style. */
export function readTheme(doc: Document): Theme {
  if (doc.documentElement.hasAttribute(DARK_THEME_ATTRIBUTE)) return 'dark';
  const view = doc.defaultView;
  if (!view) return 'light';
  // `body` can be missing (a page that replaced it, one still loading).
  for (const element of [doc.querySelector('body'), doc.documentElement]) {
    if (!element) continue;
    const color = parseComputedColor(view.getComputedStyle(element).backgroundColor);
    if (color && color.alpha > 0) return relativeLuminance(color) < DARK_LUMINANCE ? 'dark' : 'light';
  }
  return 'light';
}
