import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { QueryClient } from '@tanstack/react-query';
import { createClient, type Request } from '../lib/graphql';
import { OfflineQueue } from '../lib/offline-queue';
import { SessionManager, type Session } from '../lib/session';

/** The app's long-lived objects, created once per page load and kept only in memory. */
export interface Services {
  session: SessionManager;
  request: Request;
  queue: OfflineQueue;
  queryClient: QueryClient;
}

export function createServices(): Services {
  const session = new SessionManager();
  return {
    session,
    request: createClient(session),
    queue: new OfflineQueue(),
    queryClient: new QueryClient({
      defaultOptions: {
        // Never persisted; a failed read is retried once, then the page says so.
        queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 10_000 },
      },
    }),
  };
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}

export function useSession(): Session | null {
  const { session } = useServices();
  return useSyncExternalStore(
    (onChange) => session.subscribe(onChange),
    () => session.session,
  );
}

/** Forget everything this tab knows about the person: cached pages, unsent saves, the session. */
export async function signOutHere(services: Services, everywhere = false): Promise<void> {
  services.queue.clear();
  services.queryClient.clear();
  await services.session.signOut(everywhere);
}
