/**
 * The versions of what the engine saves, in a module of their own that imports nothing, so the
 * worker thread that reads a saved index can check it without loading the engine (see
 * `saved-index.ts`).
 */

/**
 * Version of the serialised index. Bump it whenever analysis, chunking or the index layout
 * changes, so saved indexes (see `index-cache.ts`) are rebuilt rather than misread.
 */
export const INDEX_FORMAT = 'odlomek-index-54';

/** Version of the packed layout (`transfer/`); with `INDEX_FORMAT` it decides whether a saved index is read. */
export const PACKED_FORMAT = 'odlomek-packed-7';
