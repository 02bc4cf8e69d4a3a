import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** Test arrangement over the public API (what a clinician would do in their own app), so stories start where they need to. */
const curriculum = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'curriculum');
export const DEMO_PASSWORD = 'waypoint-demo-password';
export const PASSWORD = 'a long and unusual passphrase';

export function baseUrl(): string {
  const url = process.env.WAYPOINT_URL;
  if (!url) throw new Error('WAYPOINT_URL is not set: run the stories through `npx playwright test` (global-setup starts the server).');
  return url;
}

export async function gql<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(`${baseUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`${body.errors[0].message} (in ${query.slice(0, 60)}…)`);
  return body.data;
}

export async function signIn(email: string, password = DEMO_PASSWORD): Promise<{ token: string; id: string }> {
  const data = await gql<{ login: { accessToken: string; user: { id: string } } }>(
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { id } } }',
    { e: email, p: password },
  );
  return { token: data.login.accessToken, id: data.login.user.id };
}

let counter = 0;
export function uniqueEmail(who: string): string {
  return `${who}-${Date.now().toString(36)}-${process.pid}-${counter++}@example.test`;
}

export async function invite(role: 'PATIENT' | 'FAMILY' | 'STAFF', email: string, patientId?: string): Promise<string> {
  const inviter = await signIn(role === 'STAFF' ? 'admin@demo.waypoint.test' : 'clinician@demo.waypoint.test');
  const data = await gql<{ createInvite: { code: string } }>(
    'mutation($input: CreateInviteInput!) { createInvite(input: $input) { code } }',
    { input: { role, email, ...(patientId ? { patientId, relationship: 'sibling' } : {}) } },
    inviter.token,
  );
  return data.createInvite.code;
}

/** A person with an account, made through invite and acceptance. */
export async function aLearner(role: 'PATIENT' | 'FAMILY' | 'STAFF', name: string, patientId?: string) {
  const email = uniqueEmail(role.toLowerCase());
  const code = await invite(role, email, patientId);
  const data = await gql<{ acceptInvite: { accessToken: string; user: { id: string } } }>(
    'mutation($input: AcceptInviteInput!) { acceptInvite(input: $input) { accessToken user { id } } }',
    { input: { code, email, password: PASSWORD, displayName: name } },
  );
  return { email, password: PASSWORD, name, id: data.acceptInvite.user.id, token: data.acceptInvite.accessToken };
}

export async function assign(learnerId: string, courseSlug: string, dueInDays = 14): Promise<void> {
  const clinician = await signIn('clinician@demo.waypoint.test');
  await gql('mutation($input: AssignCourseInput!) { assignCourse(input: $input) { id } }', { input: { learnerId, courseSlug, dueInDays } }, clinician.token);
}

export async function learnerIdByEmail(email: string): Promise<string> {
  const clinician = await signIn('clinician@demo.waypoint.test');
  const data = await gql<{ users: { nodes: { id: string; email: string }[] } }>('{ users(first: 100, role: PATIENT) { nodes { id email } } }', {}, clinician.token);
  const found = data.users.nodes.find((u) => u.email === email);
  if (!found) throw new Error(`no patient ${email}`);
  return found.id;
}

interface KeyQuestion {
  id: string;
  kind: string;
  prompt: string;
  answer?: boolean;
  options?: { id: string; text: string | number; correct?: boolean }[];
}

/** The answer key, read from the curriculum files (the API never serves it). */
export function answerKey(courseSlug: string, lessonSlug: string): { prompt: string; right: string[]; wrong: string[] }[] {
  const dir = join(curriculum, courseSlug, 'lessons');
  for (const file of readdirSync(dir)) {
    const text = readFileSync(join(dir, file), 'utf8');
    const front = parse(text.split(/^---$/m)[1]) as { slug: string; quiz?: { questions: KeyQuestion[] } };
    if (front.slug !== lessonSlug) continue;
    return (front.quiz?.questions ?? []).map((q) => {
      const options = q.kind === 'TRUE_FALSE' ? [{ id: 'true', text: 'True', correct: q.answer === true }, { id: 'false', text: 'False', correct: q.answer === false }] : q.options!;
      return { prompt: q.prompt.trim(), right: options.filter((o) => o.correct).map((o) => String(o.text)), wrong: options.filter((o) => !o.correct).map((o) => String(o.text)) };
    });
  }
  throw new Error(`no lesson ${courseSlug}/${lessonSlug}`);
}

/** Finishes lessons over the API as the learner (reading, then passing the quiz with the key), for stories that start later in a course. */
export async function completeLessons(token: string, courseSlug: string, lessonSlugs: string[]): Promise<void> {
  for (const lessonSlug of lessonSlugs) {
    const { lessonBySlug: lesson } = await gql<{ lessonBySlug: { id: string; quiz: { id: string } | null } }>(
      'query($c: String!, $l: String!) { lessonBySlug(courseSlug: $c, lessonSlug: $l) { id quiz { id } } }',
      { c: courseSlug, l: lessonSlug },
      token,
    );
    await gql('mutation($input: RecordLessonProgressInput!) { recordLessonProgress(input: $input) { status } }', { input: { lessonId: lesson.id, event: 'COMPLETED', positionPercent: 100, clientEventId: crypto.randomUUID() } }, token);
    if (!lesson.quiz) continue;
    const key = answerKey(courseSlug, lessonSlug);
    const { startQuizAttempt: attempt } = await gql<{ startQuizAttempt: { id: string; questions: { id: string; prompt: string; options: { id: string; text: string }[] }[] } }>(
      'mutation($q: ID!) { startQuizAttempt(quizId: $q) { id questions { id prompt options { id text } } } }',
      { q: lesson.quiz.id },
      token,
    );
    const answers = attempt.questions.map((q) => {
      const k = key.find((entry) => entry.prompt === q.prompt.trim())!;
      return { questionId: q.id, optionIds: q.options.filter((o) => k.right.includes(o.text)).map((o) => o.id) };
    });
    await gql('mutation($a: ID!, $ans: [QuizAnswerInput!]!, $k: String!) { submitQuizAttempt(attemptId: $a, answers: $ans, idempotencyKey: $k) { passed } }', { a: attempt.id, ans: answers, k: crypto.randomUUID() }, token);
  }
}
