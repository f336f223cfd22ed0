/**
 * The engine facade the faces use: load a corpus folder, answer questions, look passages up.
 * (Skeleton: signatures are final, bodies land with the engine implementation.)
 */
import type { Answer, CorpusDiff, CorpusDocument, CorpusInfo, Passage } from './types.ts';

export interface AskOptions {
  /** How many passages to return (default 3). */
  limit?: number;
}

export class Engine {
  private constructor() {}

  /** Loads and indexes every corpus file in `dir`. Throws `CorpusError` listing every problem. */
  static async fromDirectory(_dir: string): Promise<Engine> {
    throw new Error('not implemented yet');
  }

  /**
   * Indexes already-loaded documents (used by benchmarks and tests). `synonyms` are groups of
   * equivalent words or phrases, as in the corpus folder's `synonyms.txt`.
   */
  static fromDocuments(_documents: CorpusDocument[], _options: { synonyms?: string[][]; dir?: string } = {}): Engine {
    throw new Error('not implemented yet');
  }

  ask(_question: string, _options: AskOptions = {}): Answer {
    throw new Error('not implemented yet');
  }

  /** The passage with this citation id, if any. */
  passage(_id: string): Passage | undefined {
    throw new Error('not implemented yet');
  }

  /** Passages whose id or text starts/contains `query`, for autocomplete (best first). */
  suggest(_query: string, _limit = 25): Passage[] {
    throw new Error('not implemented yet');
  }

  info(): CorpusInfo {
    throw new Error('not implemented yet');
  }

  /** Passage-level difference from an older engine to this one. */
  diffFrom(_older: Engine): CorpusDiff {
    throw new Error('not implemented yet');
  }
}

/**
 * Holds the live engine for a long-running face. `reload()` builds a new engine beside the live
 * one and swaps only when the build succeeded, so a broken corpus never interrupts answers.
 */
export class LiveEngine {
  constructor(
    private current: Engine,
    readonly dir: string,
  ) {}

  get engine(): Engine {
    return this.current;
  }

  /** Rebuilds from `dir`; on success swaps and returns the diff, on failure throws and keeps serving. */
  async reload(): Promise<CorpusDiff> {
    const next = await Engine.fromDirectory(this.dir);
    const diff = next.diffFrom(this.current);
    this.current = next;
    return diff;
  }
}
