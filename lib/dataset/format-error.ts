/** A file we cannot read: the message says why, in words. */
export class DatasetFormatError extends Error {
  override name = 'DatasetFormatError';
}
