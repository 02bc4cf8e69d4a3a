import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useServices, useSession } from '../../app/services';
import { ErrorMessage, Loading, usePageTitle } from '../../components/Page';
import { graphql } from '../../gql';
import { saveFile } from '../../lib/save-file';
import { useT } from '../../i18n/useT';

export const MyCertificatesQuery = graphql(`
  query MyCertificates {
    myCompletionRecords(first: 50) {
      nodes {
        id
        courseTitle
        completedAt
        credentialType
        contactHours
        status
        verificationCode
        verifiableByCode
        certificateUrl
      }
    }
  }
`);

const SharesQuery = graphql(`
  query CertificateShares($recordId: ID!) {
    completionShares(recordId: $recordId) {
      id
      active
      createdAt
      expiresAt
      revokedAt
    }
  }
`);

const CreateShareMutation = graphql(`
  mutation CreateShare($input: CreateCompletionShareInput!) {
    createCompletionShare(input: $input) {
      shareCode
      verifyUrl
      share {
        id
        expiresAt
      }
    }
  }
`);

const RevokeShareMutation = graphql(`
  mutation RevokeShare($id: ID!) {
    revokeCompletionShare(id: $id) {
      id
      active
    }
  }
`);

const DAY_MS = 86_400_000;

/** Opens the PDF through the signed-in request (the file needs the access token, not a cookie). */
async function openPdf(url: string, token: string | null) {
  // The address is absolute (made for PDFs and mail); the app asks its own origin.
  const response = await fetch(new URL(url, location.origin).pathname, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new Error(response.statusText);
  saveFile('certificate.pdf', await response.blob());
}

function Shares({ recordId }: { recordId: string }) {
  const t = useT();
  const { request } = useServices();
  const shares = useQuery({ queryKey: ['shares', recordId], queryFn: () => request(SharesQuery, { recordId }) });
  const [created, setCreated] = useState<{ code: string; url: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const create = useMutation({
    mutationFn: (days: number) => request(CreateShareMutation, { input: { recordId, expiresAt: new Date(Date.now() + days * DAY_MS).toISOString() } }),
    onSuccess: ({ createCompletionShare }) => {
      setCreated({ code: createCompletionShare.shareCode, url: createCompletionShare.verifyUrl });
      setCopied(false);
      void shares.refetch();
    },
  });
  const revoke = useMutation({ mutationFn: (id: string) => request(RevokeShareMutation, { id }), onSuccess: () => void shares.refetch() });
  const onCreate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(Number(new FormData(event.currentTarget).get('days')));
  };
  const active = shares.data?.completionShares.filter((s) => s.active) ?? [];
  return (
    <div className="shares">
      <form onSubmit={onCreate} className="inline-form">
        <label htmlFor={`days-${recordId}`}>{t('certificates.shareFor')}</label>
        <select id={`days-${recordId}`} name="days" defaultValue="30">
          <option value="7">{t('certificates.days', { days: 7 })}</option>
          <option value="30">{t('certificates.days', { days: 30 })}</option>
          <option value="90">{t('certificates.days', { days: 90 })}</option>
          <option value="365">{t('certificates.days', { days: 365 })}</option>
        </select>
        <button type="submit" disabled={create.isPending}>
          {t('certificates.createShare')}
        </button>
      </form>
      {create.isError ? <ErrorMessage error={create.error} /> : null}
      {created ? (
        <div className="share-created" role="status">
          <p>
            {t('certificates.shareCode')} <code>{created.code}</code>
          </p>
          <p>
            <a href={created.url}>{t('certificates.shareLink')}</a>{' '}
            <button
              type="button"
              onClick={() => {
                void navigator.clipboard?.writeText(created.url).then(() => setCopied(true));
              }}
            >
              {copied ? t('certificates.copied') : t('certificates.copy')}
            </button>
          </p>
        </div>
      ) : null}
      {active.length ? (
        <ul className="share-list">
          {active.map((share) => (
            <li key={share.id}>
              {t('certificates.shareUntil', { date: t.date(share.expiresAt) })}{' '}
              <button type="button" onClick={() => revoke.mutate(share.id)} disabled={revoke.isPending}>
                {t('certificates.revoke')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function CertificatesPage() {
  usePageTitle('page.certificates');
  const t = useT();
  const { request, session } = useServices();
  const role = useSession()?.user.role;
  const records = useQuery({ queryKey: ['certificates'], queryFn: () => request(MyCertificatesQuery) });
  const [pdfError, setPdfError] = useState<string | null>(null);
  if (records.isPending) return <Loading />;
  if (records.isError) return <ErrorMessage error={records.error} />;
  const nodes = records.data.myCompletionRecords.nodes;
  const canShare = role === 'PATIENT' || role === 'FAMILY';
  return (
    <>
      <h1>{t('certificates.title')}</h1>
      {nodes.length === 0 ? <p>{t('certificates.none')}</p> : null}
      {pdfError ? (
        <p className="error" role="alert">
          {pdfError}
        </p>
      ) : null}
      <ul className="cards">
        {nodes.map((record) => (
          <li key={record.id} className="card">
            <h2>{record.courseTitle}</h2>
            <p className="meta">
              {t('certificates.completed', { date: t.date(record.completedAt) })}
              {record.contactHours ? ` · ${t('certificates.hours', { hours: record.contactHours })}` : ''}
              {record.status === 'REVOKED' ? ` · ${t('certificates.revoked')}` : ''}
            </p>
            {record.verifiableByCode && record.verificationCode ? (
              <p>
                {t('certificates.verificationCode')} <code>{record.verificationCode}</code>
              </p>
            ) : null}
            {record.certificateUrl ? (
              <button
                type="button"
                onClick={() => {
                  setPdfError(null);
                  void session
                    .accessToken()
                    .then((token) => openPdf(record.certificateUrl!, token))
                    .catch(() => setPdfError(t('certificates.pdfFailed')));
                }}
              >
                {t('certificates.pdf')}
              </button>
            ) : null}
            {canShare && record.status === 'VALID' ? <Shares recordId={record.id} /> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
