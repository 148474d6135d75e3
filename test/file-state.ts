/**
 * Vitest setup for every test file: the process-wide state the app sets at start-up, back to what
 * a fresh process has. The files of a worker share their modules (isolate: false), so what one
 * file set would otherwise reach the next: a clock pinned to a day of its own story, or the
 * desktop shell's PDF and PNG renderers (electron-shell.test starts the shell over a fake Electron).
 */
import { beforeAll } from 'vitest';
import { pinClock, unpinClock } from '../src-main/clock';
import {
  chromiumCliPdf,
  chromiumCliPng,
  usePdfRenderer,
  usePngRenderer,
} from '../src-main/reports/pdf-render';

beforeAll(() => {
  const pinned = process.env.CALLSCOPE_NOW;
  if (pinned) pinClock(pinned);
  else unpinClock();
  usePdfRenderer(chromiumCliPdf);
  usePngRenderer(chromiumCliPng);
});
