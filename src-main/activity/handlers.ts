/** The activity log's methods: the page of who changed what, and the change counter. */
import type { ActivityMethod } from '../../src-shared/api';
import type { HandlersFor } from '../dispatch';
import type { Workspace } from '../workspace';
import { currentRevision, listActivity } from './log';

export function activityHandlers(ws: Workspace): HandlersFor<ActivityMethod> {
  return {
    'activity.list': async (query) => ({ rows: await listActivity(ws.kysely, query) }),
    'workspace.revision': async () => ({ revision: await currentRevision(ws.kysely) }),
  };
}
