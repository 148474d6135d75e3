/**
 * The workspace's time zone: what changing it would move, and the change itself (a job that
 * re-derives every call's local day, hour and weekday and rebuilds the rollups in one transaction).
 */
import { z } from 'zod';
import { JobStarted, method } from './method';
import { TimeZoneSchema } from './schemas';

const Count = z.number().int().nonnegative();

export const ZoneChangePlanSchema = z.object({
  from: z.string(),
  to: z.string(),
  calls: Count,
  /** calls whose local day changes */
  callsMovingDay: Count,
  /** order entries whose local day changes */
  orderEntriesMovingDay: Count,
  /** closed months (YYYY-MM) the change would disturb: it is refused while any is listed */
  blockedMonths: z.array(z.string()),
  /** acknowledged alerts whose calls split or merge with others in the new zone: shown again */
  acksDropped: Count,
});
export type ZoneChangePlan = z.infer<typeof ZoneChangePlanSchema>;

export const zoneContract = {
  /** What a change to `timeZone` would move, for the confirmation (reads every call once). */
  'zone.preview': method(z.object({ timeZone: TimeZoneSchema }), ZoneChangePlanSchema),
  /** Starts the change as a job; the job fails with the reason when a closed month would change. */
  'zone.change': method(z.object({ timeZone: TimeZoneSchema }), JobStarted),
};

export type ZoneMethod = keyof typeof zoneContract;
