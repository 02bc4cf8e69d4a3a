import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useServices, useSession } from '../../app/services';
import { ErrorMessage } from '../../components/Page';
import { graphql } from '../../gql';
import type { ReflectionSafetyFieldsFragment } from '../../gql/graphql';
import { useT } from '../../i18n/useT';

graphql(`
  fragment ReflectionSafetyFields on ReflectionSafety {
    flagged
    message
    crisisResources {
      name
      contact
      details
      when
    }
  }
`);

const MyReflectionsQuery = graphql(`
  query MyReflections($courseSlug: String!, $lessonSlug: String!) {
    reflections(courseSlug: $courseSlug, lessonSlug: $lessonSlug, first: 20) {
      nodes {
        id
        promptId
        text
        updatedAt
        versions {
          at
          text
        }
      }
    }
  }
`);

const SubmitReflectionMutation = graphql(`
  mutation SubmitReflection($input: SubmitReflectionInput!) {
    submitReflection(input: $input) {
      reflection {
        id
        text
        updatedAt
      }
      safety {
        ...ReflectionSafetyFields
      }
    }
  }
`);

/** Digits of a phone number for tel:/sms: links ("1-800-662-4357" → "18006624357"). */
function dialable(contact: string): string | null {
  const digits = contact.replace(/[^\d+]/g, '');
  return digits.length >= 3 ? digits : null;
}

/** The safety response: shown at once when a reflection is flagged, with links that call or text. */
export function SafetyResponse({ safety }: { safety: ReflectionSafetyFieldsFragment }) {
  const t = useT();
  return (
    <section className="safety" role="alert" aria-labelledby="safety-title">
      <h3 id="safety-title">{t('reflection.safetyTitle')}</h3>
      <p>{safety.message}</p>
      <ul>
        {safety.crisisResources.map((resource) => {
          const number = dialable(resource.contact);
          // 988 takes texts at its own number; other lines that take texts use a different short code, given in their details.
          const canText = number === '988';
          return (
            <li key={resource.name}>
              <strong>{resource.name}</strong> {resource.details}{' '}
              {number ? (
                <>
                  <a href={`tel:${number}`}>{t('reflection.call', { contact: resource.contact })}</a>
                  {canText ? (
                    <>
                      {' · '}
                      <a href={`sms:${number}`}>{t('reflection.text', { contact: resource.contact })}</a>
                    </>
                  ) : null}
                </>
              ) : (
                resource.contact
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function ReflectionForm({
  lessonId,
  courseSlug,
  lessonSlug,
  prompt,
}: {
  lessonId: string;
  courseSlug: string;
  lessonSlug: string;
  prompt: { id: string; prompt: string };
}) {
  const t = useT();
  const id = useId();
  const role = useSession()?.user.role ?? 'PATIENT';
  const { request } = useServices();
  const earlier = useQuery({ queryKey: ['reflections', courseSlug, lessonSlug], queryFn: () => request(MyReflectionsQuery, { courseSlug, lessonSlug }) });
  const mine = earlier.data?.reflections.nodes.find((r) => r.promptId === prompt.id);
  const [safety, setSafety] = useState<ReflectionSafetyFieldsFragment | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const submit = useMutation({
    mutationFn: (text: string) => request(SubmitReflectionMutation, { input: { lessonId, promptId: prompt.id, text } }),
    onSuccess: ({ submitReflection }) => {
      setSafety(submitReflection.safety.flagged ? submitReflection.safety : null);
      void earlier.refetch();
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const text = textRef.current?.value.trim() ?? '';
    if (text) submit.mutate(text);
  };

  return (
    <section className="reflection" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('reflection.title')}</h2>
      <form onSubmit={onSubmit}>
        <label htmlFor={`${id}-text`}>{prompt.prompt}</label>
        <p className="hint" id={`${id}-who`}>
          {t(`reflection.whoReads.${role}`)}
        </p>
        <textarea id={`${id}-text`} ref={textRef} rows={6} maxLength={5000} defaultValue={mine?.text ?? ''} key={mine?.id ?? 'new'} aria-describedby={`${id}-who`} />
        {submit.isError ? <ErrorMessage error={submit.error} /> : null}
        <button type="submit" disabled={submit.isPending}>
          {t('reflection.save')}
        </button>
        {submit.isSuccess && !safety ? <p role="status">{t('reflection.saved')}</p> : null}
      </form>
      {safety ? <SafetyResponse safety={safety} /> : null}
      {mine && mine.versions.length > 1 ? (
        <details>
          <summary>{t('reflection.earlier', { count: mine.versions.length - 1 })}</summary>
          <ol>
            {mine.versions.slice(0, -1).map((version) => (
              <li key={version.at}>
                <p className="meta">{t.dateTime(version.at)}</p>
                <p className="pre">{version.text}</p>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}
