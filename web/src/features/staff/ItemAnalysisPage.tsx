import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useServices } from '../../app/services';
import { ErrorMessage, Loading } from '../../components/Page';
import { graphql } from '../../gql';
import { useT } from '../../i18n/useT';
import { BarChart } from './BarChart';
import { percent, StaffPage } from './common';

const QuizzesDocument = graphql(`
  query QuizCatalog {
    courses {
      slug
      title
      lessons {
        slug
        title
        quizId
      }
    }
  }
`);

const ItemAnalysisDocument = graphql(`
  query ItemAnalysis($quizId: ID!) {
    quizItemAnalysis(quizId: $quizId) {
      quizId
      submittedAttempts
      items {
        questionId
        prompt
        kind
        answered
        shareCorrect
        meanCredit
        discrimination
      }
    }
  }
`);

function Analysis({ quizId }: { quizId: string }) {
  const t = useT();
  const { request } = useServices();
  const query = useQuery({ queryKey: ['itemAnalysis', quizId], queryFn: () => request(ItemAnalysisDocument, { quizId }) });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorMessage error={query.error} />;
  const { items, submittedAttempts } = query.data.quizItemAnalysis;
  return (
    <section aria-labelledby="analysis-title">
      <h2 id="analysis-title">{t('staff.items.results', { count: submittedAttempts })}</h2>
      <BarChart
        title={t('staff.items.chart')}
        labelHeader={t('staff.items.question')}
        valueHeader={t('staff.items.shareCorrect')}
        max={1}
        format={percent}
        bars={items.map((item, i) => ({ label: `${i + 1}. ${item.prompt}`, value: item.shareCorrect ?? 0 }))}
      />
      <div className="table-wrap">
        <table className="data">
          <caption>{t('staff.items.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.items.question')}</th>
              <th scope="col">{t('staff.items.answered')}</th>
              <th scope="col">{t('staff.items.shareCorrect')}</th>
              <th scope="col">{t('staff.items.meanCredit')}</th>
              <th scope="col">{t('staff.items.discrimination')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, i) => (
              <tr key={item.questionId}>
                <th scope="row">
                  {i + 1}. {item.prompt}
                </th>
                <td>{item.answered}</td>
                <td>{percent(item.shareCorrect)}</td>
                <td>{percent(item.meanCredit)}</td>
                <td>
                  {item.discrimination == null ? '—' : item.discrimination.toFixed(2)}
                  {item.discrimination != null && item.discrimination < 0.2 ? <span className="tag tag--warn">{t('staff.items.weak')}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">{t('staff.items.discriminationHint')}</p>
    </section>
  );
}

/** Per question of a quiz: how many answered correctly and whether the question separates stronger from weaker learners. */
export function ItemAnalysisPage() {
  const t = useT();
  const { request } = useServices();
  const catalog = useQuery({ queryKey: ['quizCatalog'], queryFn: () => request(QuizzesDocument) });
  const [quizId, setQuizId] = useState('');
  if (catalog.isPending) return <Loading />;
  if (catalog.isError) return <ErrorMessage error={catalog.error} />;
  return (
    <StaffPage titleId="staff.items.title">
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="quiz">{t('staff.items.quiz')}</label>
          <select id="quiz" value={quizId} onChange={(e) => setQuizId(e.target.value)}>
            <option value="">{t('staff.choose')}</option>
            {catalog.data.courses.map((c) => (
              <optgroup key={c.slug} label={c.title}>
                {c.lessons
                  .filter((l) => l.quizId)
                  .map((l) => (
                    <option key={l.quizId} value={l.quizId!}>
                      {l.title}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </div>
      </form>
      {quizId ? <Analysis quizId={quizId} /> : <p>{t('staff.items.pick')}</p>}
    </StaffPage>
  );
}
