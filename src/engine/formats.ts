/**
 * The versions of what the engine saves, in a module of their own that imports nothing, so the
 * worker thread that reads a saved index can check it without loading the engine (see
 * `saved-index.ts`).
 */

/**
 * Version of the serialised index. Bump it whenever analysis, chunking, the index layout or how
 * the loader reads a folder changes, so saved indexes (see `index-cache.ts`) are rebuilt rather
 * than misread: the fingerprint covers the corpus's bytes, not what the loader makes of them.
 */
export const INDEX_FORMAT = 'odlomek-index-57';

/** Version of the packed layout (`transfer/`); with `INDEX_FORMAT` it decides whether a saved index is read. */
export const PACKED_FORMAT = 'odlomek-packed-7';
