/** Changing the workspace's zone: a job that moves every call to its day in the new zone. */
import type { Job, ZoneChangePlan } from '../../../src-shared/api';
import { ApiCallError, call } from '../../api/client';
import { watchJob } from '../../api/jobs';
import { useWorkspace } from '../../stores/workspace';

export function previewZone(timeZone: string): Promise<ZoneChangePlan> {
  return call('zone.preview', { timeZone });
}

/** Runs the change to its end (progress through `onJob`), then re-reads the workspace. */
export async function changeZone(timeZone: string, onJob: (job: Job) => void): Promise<void> {
  const { jobId } = await call('zone.change', { timeZone });
  const job = await watchJob(jobId, onJob);
  if (job.status !== 'done') throw new ApiCallError('conflict', job.error ?? job.status);
  await useWorkspace.getState().refresh();
}

/** A plan worth a confirmation: something moves to another day. */
export function movesAnything(plan: ZoneChangePlan): boolean {
  return plan.callsMovingDay > 0 || plan.orderEntriesMovingDay > 0;
}
