/** The shape of one bench run's results, and where they are written. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExtensionSize } from './extension-size';
import type { CaptionsResult, CaptionsSpec, EnvironmentInfo, ImportResult, LibraryResult, LookupResult, SearchResult, SearchSpec } from './shared/protocol';

export interface SizeConfig {
  rows: number;
  /** Timed runs of every import method, and untimed ones before them. */
  importRepetitions: number;
  importWarmup: number;
  lookups: number;
  lookupWarmup: number;
  lookupSettleMs: number;
  /** Library search: timed imports with and without the index, first queries, repetitions of the typed queries. */
  libraryImports: number;
  libraryFirstQueries: number;
  libraryKeystrokeRepetitions: number;
  libraryFuseQueries: number;
}

export interface BenchConfig {
  seed: number;
  lookupVideoSegments: number;
  sizes: SizeConfig[];
  search: SearchSpec;
  /** Ours only, with ~3,700 distinct words per video instead of the sample's ~1,000. */
  largeVocabularySearch: SearchSpec;
  captions: CaptionsSpec;
  /** Typed key by key into the library search. */
  libraryQueries: string[];
}

export interface BenchResults {
  startedAt: string;
  durationSeconds: number;
  commit: string;
  /** lib/ had uncommitted changes when the page was bundled. */
  libChanged: boolean;
  /** 1-minute load average of the machine before and after the run. */
  loadAverage: { start: number; end: number };
  environment: EnvironmentInfo & { node: string; platform: string };
  sample: { rows: number; tokens: number; distinctTokens: number };
  config: BenchConfig;
  search: SearchResult;
  largeVocabularySearch: SearchResult;
  sizes: { import: ImportResult; lookup: LookupResult; library: LibraryResult }[];
  captions: CaptionsResult;
  extension: ExtensionSize;
}

/** Writes the raw samples and the summary next to each other as JSON. */
export async function writeResults(file: string, results: object, summary: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify({ summary, results }, null, 2) + '\n');
}
