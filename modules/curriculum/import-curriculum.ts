import type { INestApplicationContext } from '@nestjs/common';
import { BUNDLED_CONTENT_POLICY, formatIssue, validateCurriculum, type ContentPolicy } from './content';
import { CurriculumImportService, type ImportProgress, type ImportSummary } from './curriculum-import.service';

export class CurriculumInvalidError extends Error {}

/** Validate, then import: nothing is written unless the whole curriculum passes. */
export interface ImportOptions {
  onProgress?: ImportProgress;
  /** Content checks to apply; small fixtures pass `false` (structural checks only). */
  content?: Readonly<ContentPolicy> | false;
  /** Retire live courses missing from `dir` (the folder is the whole curriculum). Default true. */
  retireMissing?: boolean;
}

export async function importCurriculum(app: INestApplicationContext, dir?: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const result = await validateCurriculum(dir, { content: options.content ?? BUNDLED_CONTENT_POLICY });
  if (result.issues.length > 0) {
    const lines = result.issues.slice(0, 20).map(formatIssue);
    const more = result.issues.length > 20 ? `\n… and ${result.issues.length - 20} more` : '';
    throw new CurriculumInvalidError(`The curriculum has ${result.issues.length} problem(s); nothing was imported:\n${lines.join('\n')}${more}`);
  }
  return app.get(CurriculumImportService).import(result.courses, { onProgress: options.onProgress, retireMissing: options.retireMissing ?? true });
}

export function describeImport(summary: ImportSummary): string {
  const parts: string[] = [];
  if (summary.added.length) parts.push(`added ${summary.added.join(', ')}`);
  for (const c of summary.changed) {
    const details = [
      c.lessonsAdded.length && `lessons added: ${c.lessonsAdded.join(', ')}`,
      c.lessonsChanged.length && `lessons changed: ${c.lessonsChanged.join(', ')}`,
      c.lessonsRetired.length && `lessons retired: ${c.lessonsRetired.join(', ')}`,
    ].filter(Boolean);
    parts.push(`changed ${c.slug} → version ${c.version}${details.length ? ` (${details.join('; ')})` : ''}`);
  }
  if (summary.retired.length) parts.push(`retired ${summary.retired.join(', ')}`);
  if (parts.length === 0) return `Nothing changed: ${summary.unchanged.length} course(s) already up to date.`;
  return `${parts.join('\n')}\n${summary.unchanged.length} course(s) unchanged.`;
}
