import { useQuery } from '@tanstack/react-query';
import { useServices, useSession } from '../../app/services';
import { graphql } from '../../gql';

const UnreadCountQuery = graphql(`
  query UnreadNotifications {
    myNotifications(first: 1) {
      unreadCount
    }
  }
`);

/** How many updates are unread, for the navigation link; checked every few minutes while signed in. */
export function useUnreadNotifications(): number {
  const { request } = useServices();
  const session = useSession();
  const query = useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: () => request(UnreadCountQuery),
    enabled: !!session,
    refetchInterval: 5 * 60_000,
  });
  return query.data?.myNotifications.unreadCount ?? 0;
}

