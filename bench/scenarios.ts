/**
 * The measured operations. Each has its GraphQL text (G1), the selection its
 * floors must reproduce (F0 serves G1's bytes, F1 builds the same JSON with
 * hand-written driver queries), and who calls it.
 */
import { parseSelection, type Selection } from './shape';

export type Caller = 'patient' | 'clinician' | 'admin';

export interface Scenario {
  name: string;
  caller: Caller;
  /** Root field of the operation (the key under `data`). */
  field: string;
  query: string;
  variables: (fixture: { lessonId: string }) => Record<string, unknown>;
  selection: Selection;
  /** Mutations: each request carries a fresh clientEventId; bodies are compared by shape. */
  mutation?: boolean;
}

/** autocannon's idReplacement token: a unique id per request. */
export const EVENT_ID_PLACEHOLDER = '[<id>]';

const ITEM = `enrollmentId courseSlug courseTitle source dueAt note status percent completedLessons totalLessons blockedBy completedAt
  nextLesson { lessonId slug title }
  lessons { lessonId slug title required assigned status positionPercent locked lockReason }`;

const LESSON = `id slug title objectives estimatedMinutes bodyMarkdown bodyHtml contentNote disclaimer
  sources { title url } reflectionPrompts { id prompt notice } crisisResources { name contact details }
  quiz { id passingScore maxAttempts shuffle gradingMethod drawCount questionCount questions { id kind prompt options { id text } } }`;

const PROGRESS = 'courseSlug lessonSlug status positionPercent secondsSpent quizPassed completedAt duplicate';

const CASELOAD = 'nodes { learner { id role } overdueCount items { courseSlug status percent nextLesson { slug } } } pageInfo { hasNextPage endCursor }';

const COMPLIANCE = 'nodes { staff { id } courseSlug dueAt status percent } pageInfo { hasNextPage }';

export function pageSizeOf(scenario: Scenario, fixture: { lessonId: string }): number | undefined {
  const f = scenario.variables(fixture).f;
  return typeof f === 'number' ? f : undefined;
}

export function caseloadScenario(first: number): Scenario {
  return {
    name: first === 50 ? 'caseload' : `caseload(${first})`,
    caller: 'clinician',
    field: 'caseload',
    query: `query($f: Int, $a: String) { caseload(first: $f, after: $a) { ${CASELOAD} } }`,
    variables: () => ({ f: first }),
    selection: parseSelection(CASELOAD),
  };
}

export function staffComplianceScenario(first: number): Scenario {
  return {
    name: first === 50 ? 'staffCompliance' : `staffCompliance(${first})`,
    caller: 'admin',
    field: 'staffCompliance',
    query: `query($f: Int) { staffCompliance(first: $f) { ${COMPLIANCE} } }`,
    variables: () => ({ f: first }),
    selection: parseSelection(COMPLIANCE),
  };
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'myLearning',
    caller: 'patient',
    field: 'myLearning',
    query: `{ myLearning { ${ITEM} } }`,
    variables: () => ({}),
    selection: parseSelection(ITEM),
  },
  {
    name: 'lesson',
    caller: 'patient',
    field: 'lesson',
    query: `query($id: ID!) { lesson(id: $id) { ${LESSON} } }`,
    variables: (f) => ({ id: f.lessonId }),
    selection: parseSelection(LESSON),
  },
  {
    name: 'recordLessonProgress',
    caller: 'patient',
    field: 'recordLessonProgress',
    query: `mutation($i: RecordLessonProgressInput!) { recordLessonProgress(input: $i) { ${PROGRESS} } }`,
    variables: (f) => ({ i: { lessonId: f.lessonId, event: 'PROGRESS', positionPercent: 40, secondsSpent: 30, clientEventId: EVENT_ID_PLACEHOLDER } }),
    selection: parseSelection(PROGRESS),
    mutation: true,
  },
  caseloadScenario(50),
  staffComplianceScenario(50),
];

/** Scenarios whose lists grow with the page size: commands per request must not. */
export const LIST_SIZES = [5, 10, 25, 50];
