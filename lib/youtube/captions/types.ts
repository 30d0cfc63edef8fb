/** What the captions parsers produce: lines with times, and chapters. */

/** One caption line, in seconds from the start of the video (the shape of a transcript segment). */
export interface CaptionLine {
  start: number;
  end: number;
  text: string;
}

/** A chapter YouTube shows as a heading in its transcript panel. */
export interface Chapter {
  start: number;
  title: string;
}

/** A line before its end is known: the panel gives starts only. */
export interface TimedText {
  start: number;
  /** Where the source says the line ends (timed text); the panel has none. */
  end?: number | undefined;
  text: string;
}

/** What one parser made of an answer. */
export type ParsedCaptions =
  | { kind: 'parsed'; lines: CaptionLine[]; chapters: Chapter[] }
  /** The answer has the expected shape but holds no line. */
  | { kind: 'empty' }
  /** The answer is not in a shape we know (YouTube changed it, or it is not an answer at all). */
  | { kind: 'unrecognized' }
  /** The answer is another video's (its lines lead there): the page moved on while we asked. */
  | { kind: 'other-video' };
