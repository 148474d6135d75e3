/**
 * What a killed process left behind, cleaned when the next one opens the workspace: upload
 * staging folders (Staging sweeps its own at start), PDF export folders with their Chromium, and
 * backups cut off midway.
 */
import { sweepBackupLeftovers } from './backups';
import { sweepAbandonedPdfRuns } from './reports/pdf-render';
import type { WriteLock } from './write-lock';

export async function sweepCrashLeftovers(workspaceFile: string, writes: WriteLock): Promise<void> {
  sweepAbandonedPdfRuns();
  // Under the write lock: no backup of this workspace is running in another process meanwhile.
  // If another process is writing now, the clean-up waits for a later start (never holds this one up).
  await writes.runIfFree(() => sweepBackupLeftovers(workspaceFile), 'a clean-up at start');
}
