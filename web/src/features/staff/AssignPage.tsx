import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useServices } from '../../app/services';
import { ErrorMessage, Loading } from '../../components/Page';
import { graphql } from '../../gql';
import type { AssignCourseInput, DueFrom } from '../../gql/graphql';
import { useT } from '../../i18n/useT';
import { PersonPicker } from './ClientPicker';
import { StaffPage } from './common';

const AssignOptionsDocument = graphql(`
  query AssignOptions {
    courses {
      id
      slug
      title
      audiences
      lessons {
        slug
        title
        required
      }
    }
    cohorts {
      id
      name
      size
    }
  }
`);

const AssignCourseDocument = graphql(`
  mutation AssignCourse($input: AssignCourseInput!) {
    assignCourse(input: $input) {
      id
      dueAt
    }
  }
`);

const AssignCohortDocument = graphql(`
  mutation AssignCohort($input: AssignCohortInput!) {
    assignCohort(input: $input) {
      cohort {
        name
        size
      }
      enrollments {
        id
      }
    }
  }
`);

type Target = 'client' | 'cohort';

/** Assign a course or chosen lessons, with a due date or "N days after", and a note; to one client or a cohort. */
export function AssignPage() {
  const t = useT();
  const { request, queryClient } = useServices();
  const [params] = useSearchParams();
  const options = useQuery({ queryKey: ['assignOptions'], queryFn: () => request(AssignOptionsDocument) });
  const [target, setTarget] = useState<Target>(params.get('cohort') ? 'cohort' : 'client');
  const [courseSlug, setCourseSlug] = useState('');
  const [due, setDue] = useState<'none' | 'date' | 'days'>('days');
  const [done, setDone] = useState<string | null>(null);
  const assign = useMutation({
    mutationFn: async (v: { target: Target; id: string; input: Omit<AssignCourseInput, 'learnerId'> }) => {
      if (v.target === 'cohort') {
        const r = await request(AssignCohortDocument, { input: { ...v.input, cohortId: v.id } });
        return t('staff.assign.doneCohort', { name: r.assignCohort.cohort.name, count: r.assignCohort.enrollments.length });
      }
      await request(AssignCourseDocument, { input: { ...v.input, learnerId: v.id } });
      return t('staff.assign.doneClient');
    },
    onSuccess: (message) => {
      setDone(message);
      void queryClient.invalidateQueries({ queryKey: ['caseload'] });
      void queryClient.invalidateQueries({ queryKey: ['clientProgress'] });
    },
  });
  if (options.isPending) return <Loading />;
  if (options.isError) return <ErrorMessage error={options.error} />;
  const { courses, cohorts } = options.data;
  const course = courses.find((c) => c.slug === courseSlug);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    const form = new FormData(event.currentTarget);
    const lessonSlugs = form.getAll('lessons').map(String);
    const note = String(form.get('note') ?? '').trim();
    const dueDate = String(form.get('dueDate') ?? '');
    assign.mutate({
      target,
      id: String(form.get(target === 'cohort' ? 'cohortId' : 'learnerId')),
      input: {
        courseSlug,
        lessonSlugs: lessonSlugs.length ? lessonSlugs : undefined,
        note: note || undefined,
        dueAt: due === 'date' && dueDate ? new Date(`${dueDate}T23:59:59`).toISOString() : undefined,
        dueInDays: due === 'days' ? Number(form.get('dueInDays')) : undefined,
        dueFrom: due === 'days' ? (String(form.get('dueFrom')) as DueFrom) : undefined,
      },
    });
  };

  return (
    <StaffPage titleId="staff.assign.title">
      <form onSubmit={submit} className="wide-form">
        <fieldset>
          <legend>{t('staff.assign.to')}</legend>
          <div className="option">
            <input type="radio" id="target-client" name="target" checked={target === 'client'} onChange={() => setTarget('client')} />
            <label htmlFor="target-client">{t('staff.assign.oneClient')}</label>
          </div>
          <div className="option">
            <input type="radio" id="target-cohort" name="target" checked={target === 'cohort'} onChange={() => setTarget('cohort')} />
            <label htmlFor="target-cohort">{t('staff.assign.aCohort')}</label>
          </div>
          {target === 'client' ? (
            <>
              <PersonPicker id="learnerId" name="learnerId" label={t('staff.col.client')} roles={['PATIENT', 'FAMILY', 'STAFF']} preselected={params.get('learner')} />
            </>
          ) : (
            <>
              <label htmlFor="cohortId">{t('staff.assign.cohort')}</label>
              <select id="cohortId" name="cohortId" defaultValue={params.get('cohort') ?? ''} required>
                <option value="" disabled>
                  {t('staff.choose')}
                </option>
                {cohorts.map((c) => (
                  <option key={c.id} value={c.id}>
                    {t('staff.cohorts.nameSize', { name: c.name, size: c.size })}
                  </option>
                ))}
              </select>
              {cohorts.length === 0 ? (
                <p className="hint">
                  <Link to="/staff/cohorts">{t('staff.assign.makeCohort')}</Link>
                </p>
              ) : null}
            </>
          )}
        </fieldset>
        <label htmlFor="courseSlug">{t('staff.field.course')}</label>
        <select id="courseSlug" value={courseSlug} onChange={(e) => setCourseSlug(e.target.value)} required>
          <option value="" disabled>
            {t('staff.choose')}
          </option>
          {courses.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.title} ({c.audiences.map((a) => t(`staff.audience.${a}`)).join(', ')})
            </option>
          ))}
        </select>
        {course ? (
          <fieldset>
            <legend>{t('staff.assign.lessons')}</legend>
            <p className="hint">{t('staff.assign.lessonsHint')}</p>
            {course.lessons.map((l) => (
              <div className="option" key={l.slug}>
                <input type="checkbox" id={`lesson-${l.slug}`} name="lessons" value={l.slug} />
                <label htmlFor={`lesson-${l.slug}`}>
                  {l.title}
                  {l.required ? '' : ` ${t('staff.assign.optional')}`}
                </label>
              </div>
            ))}
          </fieldset>
        ) : null}
        <fieldset>
          <legend>{t('staff.assign.due')}</legend>
          <div className="option">
            <input type="radio" id="due-days" name="due" checked={due === 'days'} onChange={() => setDue('days')} />
            <label htmlFor="due-days">{t('staff.assign.dueDays')}</label>
          </div>
          {due === 'days' ? (
            <div className="inline-form">
              <label htmlFor="dueInDays">{t('staff.assign.days')}</label>
              <input id="dueInDays" name="dueInDays" type="number" min={1} max={365} defaultValue={7} required className="short" />
              <label htmlFor="dueFrom">{t('staff.assign.after')}</label>
              <select id="dueFrom" name="dueFrom" defaultValue="ASSIGNMENT">
                <option value="ASSIGNMENT">{t('staff.assign.fromAssignment')}</option>
                <option value="HIRE">{t('staff.assign.fromHire')}</option>
              </select>
            </div>
          ) : null}
          <div className="option">
            <input type="radio" id="due-date" name="due" checked={due === 'date'} onChange={() => setDue('date')} />
            <label htmlFor="due-date">{t('staff.assign.dueDate')}</label>
          </div>
          {due === 'date' ? (
            <>
              <label htmlFor="dueDate">{t('staff.assign.date')}</label>
              <input id="dueDate" name="dueDate" type="date" required />
            </>
          ) : null}
          <div className="option">
            <input type="radio" id="due-none" name="due" checked={due === 'none'} onChange={() => setDue('none')} />
            <label htmlFor="due-none">{t('staff.assign.noDue')}</label>
          </div>
        </fieldset>
        <label htmlFor="note">{t('staff.assign.note')}</label>
        <textarea id="note" name="note" rows={3} aria-describedby="note-hint" />
        <p id="note-hint" className="hint">
          {t('staff.assign.noteHint')}
        </p>
        {assign.isError ? <ErrorMessage error={assign.error} /> : null}
        {done ? (
          <p role="status" className="notice">
            {done}
          </p>
        ) : null}
        <button type="submit" disabled={assign.isPending || !courseSlug}>
          {t('staff.assign.submit')}
        </button>
      </form>
    </StaffPage>
  );
}
