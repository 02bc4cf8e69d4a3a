import type { Request } from '../../lib/graphql';
import type { OfflineQueue } from '../../lib/offline-queue';
import { graphql } from '../../gql';
import type { ProgressEvent } from '../../gql/graphql';

const RecordProgressMutation = graphql(`
  mutation RecordProgress($input: RecordLessonProgressInput!) {
    recordLessonProgress(input: $input) {
      lessonSlug
      status
      positionPercent
      duplicate
    }
  }
`);

/** Queues one progress event with its own client id; resent with that id after an outage, so it is recorded once. */
export function recordProgress(
  request: Request,
  queue: OfflineQueue,
  input: { lessonId: string; event: ProgressEvent; positionPercent?: number; secondsSpent?: number },
): Promise<void> {
  const clientEventId = crypto.randomUUID();
  return queue.save({
    id: clientEventId,
    send: async () => {
      await request(RecordProgressMutation, { input: { ...input, clientEventId } });
    },
  });
}
