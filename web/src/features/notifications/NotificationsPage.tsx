import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { useServices } from '../../app/services';
import { ErrorMessage, Loading, usePageTitle } from '../../components/Page';
import { graphql } from '../../gql';
import { useT } from '../../i18n/useT';

const PAGE_SIZE = 20;

export const MyNotificationsQuery = graphql(`
  query MyNotifications($first: Int!, $after: String) {
    myNotifications(first: $first, after: $after) {
      unreadCount
      nodes {
        id
        title
        body
        path
        createdAt
        readAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const MarkReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(input: { ids: $ids })
  }
`);

/** Only paths inside this app are followed; anything else stays plain text. */
function isAppPath(path: string): boolean {
  return path.startsWith('/') && !path.startsWith('//');
}

/**
 * Updates: reminders and notes from the care team, newest first. Opening the
 * page marks what it shows as read, so the count in the navigation clears.
 */
export function NotificationsPage() {
  usePageTitle('page.notifications');
  const t = useT();
  const { request, queryClient } = useServices();
  const pages = useInfiniteQuery({
    queryKey: ['notifications', 'list'],
    queryFn: ({ pageParam }) => request(MyNotificationsQuery, { first: PAGE_SIZE, after: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.myNotifications.pageInfo.hasNextPage ? (last.myNotifications.pageInfo.endCursor ?? undefined) : undefined),
  });
  const markRead = useMutation({
    mutationFn: (ids: string[]) => request(MarkReadMutation, { ids }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications', 'unread'] }),
  });
  const nodes = pages.data?.pages.flatMap((p) => p.myNotifications.nodes) ?? [];
  const unreadIds = nodes.filter((n) => !n.readAt).map((n) => n.id);
  const unreadKey = unreadIds.join(',');
  useEffect(() => {
    if (unreadKey) markRead.mutate(unreadKey.split(','));
    // markRead is a fresh object each render; the ids are what matter.
  }, [unreadKey]);

  if (pages.isPending) return <Loading />;
  if (pages.isError) return <ErrorMessage error={pages.error} />;
  return (
    <>
      <h1>{t('notifications.title')}</h1>
      {nodes.length === 0 ? (
        <p>{t('notifications.none')}</p>
      ) : (
        <ul className="notification-list">
          {nodes.map((n) => (
            <li key={n.id} className={n.readAt ? 'notification' : 'notification notification--new'}>
              <p className="notification__title">
                {n.readAt ? null : <span className="badge">{t('notifications.new')}</span>} {n.title}
              </p>
              <p>{n.body}</p>
              <p className="hint">
                <time dateTime={String(n.createdAt)}>{t.dateTime(n.createdAt as string)}</time>
                {isAppPath(n.path) && n.path !== '/' ? (
                  <>
                    {' · '}
                    <Link to={n.path}>{t('notifications.open')}</Link>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
      {pages.hasNextPage ? (
        <button type="button" onClick={() => void pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
          {t('notifications.more')}
        </button>
      ) : null}
    </>
  );
}
