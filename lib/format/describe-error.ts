/** What went wrong, in one line: an `Error`'s message, or anything else as text. Pure. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
