/** The time-zone feature's handlers (contract-zone.ts). */
import type { ZoneMethod } from '../../src-shared/api';
import type { HandlersFor } from '../dispatch';
import type { JobRegistry } from '../jobs';
import type { Workspace } from '../workspace';
import { changeZone, planZoneChange } from './change';

export function zoneHandlers(ws: Workspace, jobs: JobRegistry): HandlersFor<ZoneMethod> {
  return {
    'zone.preview': ({ timeZone }) => planZoneChange(ws.kysely, timeZone),
    'zone.change': ({ timeZone }) => {
      const job = jobs.start('zone', async (ctx) => {
        await changeZone(ws, timeZone, ctx);
        return null;
      });
      return { jobId: job.id };
    },
  };
}
