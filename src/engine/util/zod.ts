/**
 * zod as its CommonJS build. Imported as an ES module under tsx, its hundred-odd files each went
 * through tsx's loader thread one at a time: 0.4 to 0.9 s of a start on a busy two-core machine,
 * where the CommonJS build, required on this thread, took 0.2 s. Types come from the same
 * package's declarations (`import type { z } from 'zod'` beside this).
 */
import { createRequire } from 'node:module';
import type * as Zod from 'zod';

export const zod = (createRequire(import.meta.url)('zod') as typeof Zod).z;
