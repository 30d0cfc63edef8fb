// The parts of w3c/webvtt.js (the WebVTT validator's parser) the export tests use.
declare module 'webvtt-parser' {
  export interface WebVTTNode {
    type: 'text' | 'object' | 'timestamp';
    name?: string;
    value?: string;
    children: WebVTTNode[];
  }
  export interface WebVTTCue {
    id: string;
    startTime: number;
    endTime: number;
    text: string;
    tree: WebVTTNode;
  }
  export interface WebVTTError {
    message: string;
    line: number;
    col?: number;
  }
  export class WebVTTParser {
    /** Without `entities` it knows six references, and decodes `&lt;` as `<;`: pass html-entities.json. */
    constructor(entities?: Record<string, string>);
    parse(input: string, mode?: 'metadata' | 'chapters'): { cues: WebVTTCue[]; errors: WebVTTError[]; time: number };
  }
  // CommonJS: Node's ESM loader sees only the default export.
  const webvtt: { WebVTTParser: typeof WebVTTParser };
  export default webvtt;
}
