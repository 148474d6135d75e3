/**
 * What a killed process left behind, cleaned when the next one opens the workspace: upload
 * staging folders (Staging sweeps its own at start), PDF export folders with their Chromium, and
 * backups cut off midway (beside a workspace file; a team workspace has none).
 */
import { sweepBackupLeftovers } from './backups';
import { sweepAbandonedPdfRuns } from './reports/pdf-render';
import type { WriteLock } from './write-lock';

/** `workspaceFile`: null for a team workspace (nothing of it lies in files on this machine). */
export async function sweepCrashLeftovers(workspaceFile: string | null, writes: WriteLock): Promise<void> {
  sweepAbandonedPdfRuns();
  if (workspaceFile === null) return;
  // Under the write lock: no backup of this workspace is running in another process meanwhile.
  // If another process is writing now, the clean-up waits for a later start (never holds this one up).
  await writes.runIfFree(() => sweepBackupLeftovers(workspaceFile), 'a clean-up at start');
}
