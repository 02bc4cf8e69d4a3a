import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/** Lesson links (`lesson:slug`, `lesson:course/slug`) become app-relative paths in HTML. */
function resolveLessonLinks(markdown: string, courseSlug: string): string {
  return markdown.replace(/\]\(lesson:([a-z0-9-]+)(?:\/([a-z0-9-]+))?\)/g, (_m, a: string, b?: string) =>
    b ? `](/courses/${a}/lessons/${b})` : `](/courses/${courseSlug}/lessons/${a})`,
  );
}

/**
 * Markdown to HTML that is safe to insert into a page: content is reviewed like
 * code, but a client must never have to trust it.
 */
const markdownIt = new MarkdownIt({ html: false, linkify: false, typographer: true });

export function renderLessonHtml(markdown: string, courseSlug: string): string {
  const html = markdownIt.render(resolveLessonLinks(markdown, courseSlug));
  return sanitizeHtml(html, {
    allowedTags: [...sanitizeHtml.defaults.allowedTags, 'h1', 'h2'],
    allowedAttributes: { a: ['href', 'title'] },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
  });
}
