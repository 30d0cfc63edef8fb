/**
 * Just enough XML reading for timed text, as strings: elements by name, their
 * attributes, their text with child tags removed and entities decoded. No DOM
 * (the background worker has none, and markup must never become nodes). Pure.
 */

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes XML's named entities (and `&nbsp;`) and numeric references once; unknown ones stay as written. */
export function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export interface XmlElement {
  attributes: Readonly<Record<string, string>>;
  /** Content with child tags removed, entities not yet decoded. */
  rawText: string;
}

function readAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of source.matchAll(/([A-Za-z_:][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    attributes[match[1]!] = decodeXmlEntities(match[3] ?? match[4] ?? '');
  }
  return attributes;
}

/** Every `<name …>…</name>` (and `<name …/>`) element, in order. Child elements of another name are flattened to their text. */
export function findElements(xml: string, name: string): XmlElement[] {
  const elements: XmlElement[] = [];
  const pattern = new RegExp(`<${name}(\\s[^>]*?)?(/>|>([\\s\\S]*?)</${name}\\s*>)`, 'g');
  for (const match of xml.matchAll(pattern)) {
    elements.push({
      attributes: readAttributes(match[1] ?? ''),
      rawText: (match[3] ?? '').replace(/<[^>]*>/g, ''),
    });
  }
  return elements;
}

/** The name of the document's root element, past the prolog and comments. */
export function findRootName(xml: string): string | undefined {
  const withoutProlog = xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, '');
  return /^\s*<([A-Za-z_][\w.-]*)/.exec(withoutProlog)?.[1];
}
