/** The background's answers to the protocol in `messages.ts`. Reads the database; never throws. */
import type { MessageHandlers, TranscriptResponse } from './messages';
import { getTranscript, type TranscriptDb } from './store';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface TranscriptServiceOptions {
  database: Promise<TranscriptDb>;
  /** An import under way (the bundled sample at start-up): answers wait for it, and report it if it failed and left nothing to read. */
  pendingImport: Promise<unknown>;
}

export function createTranscriptService({ database, pendingImport }: TranscriptServiceOptions): MessageHandlers {
  return {
    async getTranscript({ videoId }): Promise<TranscriptResponse> {
      let importError: unknown;
      try {
        await pendingImport;
      } catch (error) {
        importError = error;
      }
      try {
        const transcript = await getTranscript(await database, videoId);
        if (transcript) return { status: 'found', transcript };
        if (importError !== undefined) {
          return { status: 'error', message: `The transcript dataset could not be loaded: ${describe(importError)}` };
        }
        return { status: 'not-in-dataset', videoId };
      } catch (error) {
        return { status: 'error', message: `The transcript cache could not be read: ${describe(error)}` };
      }
    },
  };
}
