import { BadInput } from '../../src/common/errors';

/** The course opens only after other courses are complete; says which, by title and slug. */
export class PrerequisitesIncomplete extends BadInput {
  constructor(missing: ReadonlyArray<{ slug: string; title: string }>) {
    super(`This course opens after you complete ${missing.map((c) => `"${c.title}"`).join(' and ')}.`, {
      blockedBy: missing.map((c) => c.title),
      prerequisites: missing.map((c) => c.slug),
    });
  }
}
