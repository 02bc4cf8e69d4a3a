import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coursePath, lessonPath, neutralLessonLinks, pathKey, quizPath, slugForKey } from './neutral-paths';

const curriculum = join(__dirname, '..', '..', '..', 'curriculum');
const courses = readdirSync(curriculum, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

describe('neutral learner paths', () => {
  it('carry no word of the course or lesson', () => {
    const path = quizPath('relapse-prevention-skills', 'triggers-and-cravings');
    expect(path).toMatch(/^\/learn\/[0-9a-z]{7}\/[0-9a-z]{7}\/check$/);
    expect(path).not.toMatch(/relapse|trigger|craving|addiction|recovery/);
    expect(lessonPath('a', 'b').startsWith(coursePath('a'))).toBe(true);
  });

  it('are stable: the same slug always gives the same key', () => {
    expect(pathKey('understanding-addiction')).toBe(pathKey('understanding-addiction'));
    expect(pathKey('understanding-addiction')).not.toBe(pathKey('understanding-addictions'));
  });

  it('resolve back to the slug, and to nothing for an unknown key', () => {
    expect(slugForKey(pathKey(courses[0]), courses)).toBe(courses[0]);
    expect(slugForKey('zzzzzzz', courses)).toBeUndefined();
    expect(slugForKey(undefined, courses)).toBeUndefined();
  });

  it('give every course, and every lesson within a course, its own key', () => {
    expect(new Set(courses.map(pathKey)).size).toBe(courses.length);
    for (const course of courses) {
      const lessons = readdirSync(join(curriculum, course, 'lessons')).map((f) => f.replace(/^\d+-/, '').replace(/\.md$/, ''));
      expect(new Set(lessons.map(pathKey)).size).toBe(lessons.length);
    }
  });

  it('rewrite links between lessons in lesson bodies', () => {
    const html = '<p>See <a href="/courses/relapse-prevention-skills/lessons/urge-surfing">urge surfing</a>.</p>';
    expect(neutralLessonLinks(html)).toBe(`<p>See <a href="${lessonPath('relapse-prevention-skills', 'urge-surfing')}">urge surfing</a>.</p>`);
  });
});
