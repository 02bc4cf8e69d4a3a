/**
 * Learner addresses say nothing about what is being learned. Course and lesson
 * slugs ("relapse-prevention-skills") would otherwise sit in the address bar,
 * the tab's history and the browser's autocomplete of a shared phone; these
 * paths carry a short key instead (`/learn/1x2k9q/0f3a7c`).
 *
 * The key is a hash of the slug (FNV-1a, 32 bits, base 36): stable across
 * curriculum versions, so bookmarks and links in messages keep working, and
 * resolved in the browser against the courses the learner can see. It hides
 * the subject from a glance at the screen or the history; it is not a secret
 * (the curriculum is public, so anyone could compute the keys).
 */
export function pathKey(slug: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < slug.length; i++) {
    hash ^= slug.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36).padStart(7, '0');
}

export const coursePath = (courseSlug: string) => `/learn/${pathKey(courseSlug)}`;
export const lessonPath = (courseSlug: string, lessonSlug: string) => `${coursePath(courseSlug)}/${pathKey(lessonSlug)}`;
export const quizPath = (courseSlug: string, lessonSlug: string) => `${lessonPath(courseSlug, lessonSlug)}/check`;

/** The slug among `slugs` whose key is `key`, if any. */
export function slugForKey(key: string | undefined, slugs: Iterable<string>): string | undefined {
  if (!key) return undefined;
  for (const slug of slugs) if (pathKey(slug) === key) return slug;
  return undefined;
}

const LEGACY_LESSON_LINK = /href="\/courses\/([a-z0-9-]+)\/lessons\/([a-z0-9-]+)"/g;

/** Links between lessons inside lesson bodies point at the neutral addresses too. */
export function neutralLessonLinks(html: string): string {
  return html.replace(LEGACY_LESSON_LINK, (_, course: string, lesson: string) => `href="${lessonPath(course, lesson)}"`);
}
