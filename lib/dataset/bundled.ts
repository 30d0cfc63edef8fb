/** The dataset shipped inside the extension: the default and the offline fallback. */

/** Path under `public/`, served at the extension's root. */
export const BUNDLED_DATASET_PATH = '/sample.jsonl';
