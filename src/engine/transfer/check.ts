/**
 * Whether a buffer is a packed index this version reads: its header only, so a saved index can be
 * checked where the engine is not loaded (the index worker reading a saved one).
 */
import { INDEX_FORMAT, PACKED_FORMAT } from '../formats.ts';
import { PackedReader } from './layout.ts';
import type { PackedMeta } from './pack.ts';

/** Thrown for a buffer of another format or version: the caller rebuilds the index. */
export class PackedFormatError extends Error {
  override name = 'PackedFormatError';
}

/**
 * The header of a packed engine, after checking it is one this version reads (its sections are
 * checked as they are read). Throws `PackedFormatError` otherwise.
 */
export function checkPacked(buffer: ArrayBuffer): { reader: PackedReader; meta: PackedMeta } {
  let reader: PackedReader;
  try {
    reader = new PackedReader(buffer);
  } catch (error) {
    throw new PackedFormatError((error as Error).message);
  }
  const meta = reader.meta as PackedMeta;
  if (meta?.format !== PACKED_FORMAT || meta.indexFormat !== INDEX_FORMAT)
    throw new PackedFormatError(`unsupported index format: ${String(meta?.format)} / ${String(meta?.indexFormat)}`);
  return { reader, meta };
}
