/**
 * One import from file to result: choose -> upload (stage) -> preview (re-run on every choice) ->
 * `import.start` with the choices the preview shows -> watch the job -> result. Kept in a store,
 * not in the page, so a staged file, its mapping and a running import survive a visit elsewhere.
 */
import { create } from 'zustand';
import type { ImportPreview, Input, Job } from '../../src-shared/api';
import type { CallField, DirectionMeaning, Disposition, Outcome } from '../../src-shared/domain';
import type { OrderField } from '../../src-shared/orders';
import { call } from '../api/client';
import { type ApiCallError, toApiCallError } from '../api/errors';
import { watchJob } from '../api/jobs';
import { stageFile, type UploadHandle } from '../api/upload';
import { useWorkspace } from './workspace';

export type ImportPhase = 'choose' | 'uploading' | 'preview' | 'running' | 'finished';
export type PreviewState = 'idle' | 'loading' | 'ready' | 'error';
export type ColumnChoices = Partial<Record<CallField, number | null>>;
export type OrderColumnChoices = Partial<Record<OrderField, number | null>>;

/** What the user decided on the page; undefined leaves it to detection or a saved profile. */
export interface Choices {
  preset?: string;
  hasHeader?: boolean;
  columns?: ColumnChoices;
  /** an order export's mapping (the preview's order fields) */
  orderColumns?: OrderColumnChoices;
  dispositions?: Record<string, Disposition>;
  outcomes?: Record<string, Outcome>;
  directions?: Record<string, DirectionMeaning>;
  /** a PBX file's endpoints named as agents (agent code) or not ('') */
  endpoints?: Record<string, string>;
  /** how dates like 03/04/2026 read, when the file leaves it open */
  dateOrder?: 'dmy' | 'mdy';
}

interface ImportState {
  file: File | null;
  stagedId: string | null;
  choices: Choices;
  /** null uses the workspace's time zone */
  timeZone: string | null;
  preview: ImportPreview | null;
  previewState: PreviewState;
  previewError: ApiCallError | null;
  phase: ImportPhase;
  uploaded: { sent: number; total: number };
  job: Job | null;
  /** When the latest job update arrived (for rows/s and the ETA while the job runs). */
  jobSeenAt: number;
  error: ApiCallError | null;
  /** Stages the file right away, then previews it. */
  chooseFile(file: File | null): Promise<void>;
  setLayout(preset: string): void;
  setHasHeader(hasHeader: boolean): void;
  setTimeZone(timeZone: string | null): void;
  setColumn(field: CallField, column: number | null): void;
  setOrderColumn(field: OrderField, column: number | null): void;
  setDisposition(text: string, meaning: Disposition): void;
  setOutcome(text: string, meaning: Outcome): void;
  setDirection(text: string, meaning: DirectionMeaning): void;
  /** Names a PBX endpoint as an agent (its code) or as none (''). */
  setEndpointAgent(endpoint: string, agentCode: string): void;
  setDateOrder(order: 'dmy' | 'mdy'): void;
  retryPreview(): void;
  /** Imports the staged file with the choices of the preview on screen. */
  start(): Promise<void>;
  cancel(): Promise<void>;
  /** Back to choosing a file (after a result, or to drop the chosen one). */
  reset(): void;
}

const PREVIEW_DEBOUNCE_MS = 250;

// Not state: handles to stop what is in flight.
let upload: UploadHandle | null = null;
let cancelRequested = false;
let previewTimer: ReturnType<typeof setTimeout> | null = null;
/** Each preview request gets a number; only the answer to the latest one is shown. */
let previewSeq = 0;

function clearPreviewTimer() {
  if (previewTimer) clearTimeout(previewTimer);
  previewTimer = null;
}

/** The preview's column mapping as explicit choices (every field: its column or null). */
function columnsOf(preview: ImportPreview): ColumnChoices {
  return Object.fromEntries(preview.columns.map((c) => [c.field, c.column]));
}

/** An order preview's column mapping as explicit choices (every order field: its column or null). */
function orderColumnsOf(preview: ImportPreview): OrderColumnChoices {
  return Object.fromEntries((preview.orders?.columns ?? []).map((c) => [c.field, c.column]));
}

/** The value meanings a preview shows for its texts (the unknown ones left out). */
function meaningsOf<T extends string>(list: { text: string; mapped: T | null }[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const v of list) if (v.mapped !== null) out[v.text] = v.mapped;
  return out;
}

type PreviewInput = Input<'import.preview'>;

function choicesInput(stagedId: string, choices: Choices, timeZone: string | null): PreviewInput {
  const values: NonNullable<PreviewInput['values']> = {};
  if (choices.dispositions) values.dispositions = choices.dispositions;
  if (choices.outcomes) values.outcomes = choices.outcomes;
  if (choices.directions) values.directions = choices.directions;
  return {
    stagedId,
    ...(choices.preset !== undefined ? { preset: choices.preset } : {}),
    ...(choices.hasHeader !== undefined ? { hasHeader: choices.hasHeader } : {}),
    ...(timeZone ? { timeZone } : {}),
    ...(choices.columns ? { columns: choices.columns } : {}),
    ...(choices.orderColumns ? { orderColumns: choices.orderColumns } : {}),
    ...(values.dispositions || values.outcomes || values.directions ? { values } : {}),
    ...(choices.endpoints ? { endpoints: choices.endpoints } : {}),
    ...(choices.dateOrder ? { dateOrder: choices.dateOrder } : {}),
  };
}

export const useImport = create<ImportState>()((set, get) => {
  async function runPreview() {
    clearPreviewTimer();
    const { stagedId, choices, timeZone } = get();
    if (!stagedId) return;
    const seq = ++previewSeq;
    set({ previewState: 'loading' });
    try {
      const preview = await call('import.preview', choicesInput(stagedId, choices, timeZone));
      if (seq !== previewSeq) return; // a newer choice is being previewed
      set({ preview, previewState: 'ready', previewError: null });
    } catch (err) {
      if (seq !== previewSeq) return;
      set({ previewState: 'error', previewError: toApiCallError(err) });
    }
  }

  /** A choice changed: show "loading" at once (Import waits for it), ask after a pause. */
  function schedulePreview(patch: Partial<Pick<ImportState, 'choices' | 'timeZone'>>) {
    if (!get().stagedId) {
      set(patch);
      return;
    }
    ++previewSeq; // whatever is in flight is stale now
    set({ ...patch, previewState: 'loading' });
    clearPreviewTimer();
    previewTimer = setTimeout(() => void runPreview(), PREVIEW_DEBOUNCE_MS);
  }

  return {
    file: null,
    stagedId: null,
    choices: {},
    timeZone: null,
    preview: null,
    previewState: 'idle',
    previewError: null,
    phase: 'choose',
    uploaded: { sent: 0, total: 0 },
    job: null,
    jobSeenAt: 0,
    error: null,

    async chooseFile(file) {
      const { phase } = get();
      if (phase === 'uploading' || phase === 'running') return;
      clearPreviewTimer();
      ++previewSeq;
      // The file chosen before, staged but not imported, is dropped from the workspace's staging.
      const previous = get().stagedId;
      if (previous) void call('import.discard', { stagedId: previous }).catch(() => undefined);
      set({
        file,
        stagedId: null,
        choices: {},
        preview: null,
        previewState: 'idle',
        previewError: null,
        error: null,
        job: null,
        phase: file ? 'uploading' : 'choose',
        uploaded: { sent: 0, total: file?.size ?? 0 },
      });
      if (!file) return;
      cancelRequested = false;
      try {
        const limitMb = useWorkspace.getState().info?.settings.uploadLimitMb;
        const handle = stageFile(file, (sent, total) => set({ uploaded: { sent, total } }), limitMb);
        upload = handle;
        const { stagedId } = await handle.done;
        if (upload !== handle) return; // another file was chosen meanwhile
        upload = null;
        set({ stagedId, phase: 'preview' });
        await runPreview();
      } catch (err) {
        upload = null;
        const error = toApiCallError(err);
        // A cancelled upload is not an error: back to choosing a file.
        if (error.code === 'aborted') set({ file: null, phase: 'choose', error: null });
        else set({ phase: 'finished', error });
      }
    },

    setLayout: (preset) =>
      // another layout matches the columns its own way: drop the column choices
      schedulePreview({ choices: { ...get().choices, preset, columns: undefined, orderColumns: undefined } }),
    setHasHeader: (hasHeader) =>
      schedulePreview({
        choices: { ...get().choices, hasHeader, columns: undefined, orderColumns: undefined },
      }),
    setTimeZone: (timeZone) => schedulePreview({ timeZone }),
    setColumn(field, column) {
      const { choices, preview } = get();
      // Every field explicit: the choices replace a saved profile's mapping as a whole.
      const base = choices.columns ?? (preview ? columnsOf(preview) : {});
      schedulePreview({ choices: { ...choices, columns: { ...base, [field]: column } } });
    },
    setOrderColumn(field, column) {
      const { choices, preview } = get();
      const base = choices.orderColumns ?? (preview ? orderColumnsOf(preview) : {});
      schedulePreview({ choices: { ...choices, orderColumns: { ...base, [field]: column } } });
    },
    setDisposition(text, meaning) {
      const { choices, preview } = get();
      const base = choices.dispositions ?? (preview ? meaningsOf(preview.values.dispositions) : {});
      schedulePreview({ choices: { ...choices, dispositions: { ...base, [text]: meaning } } });
    },
    setOutcome(text, meaning) {
      const { choices, preview } = get();
      const base = choices.outcomes ?? (preview ? meaningsOf(preview.values.outcomes) : {});
      schedulePreview({ choices: { ...choices, outcomes: { ...base, [text]: meaning } } });
    },
    setDirection(text, meaning) {
      const { choices, preview } = get();
      const base = choices.directions ?? (preview ? meaningsOf(preview.values.directions ?? []) : {});
      schedulePreview({ choices: { ...choices, directions: { ...base, [text]: meaning } } });
    },
    setEndpointAgent(endpoint, agentCode) {
      const { choices } = get();
      schedulePreview({
        choices: { ...choices, endpoints: { ...choices.endpoints, [endpoint]: agentCode } },
      });
    },
    setDateOrder: (dateOrder) => schedulePreview({ choices: { ...get().choices, dateOrder } }),
    retryPreview: () => void runPreview(),

    async start() {
      const { stagedId, preview, previewState, choices, timeZone, phase } = get();
      if (!stagedId || !preview || previewState !== 'ready' || phase !== 'preview') return;
      cancelRequested = false;
      set({ phase: 'running', job: null, error: null });
      try {
        // Exactly what the preview shows: its layout, header row and every field's column.
        const { jobId } = await call('import.start', {
          ...choicesInput(stagedId, choices, timeZone),
          preset: preview.preset.id,
          hasHeader: preview.hasHeader,
          columns: columnsOf(preview),
          ...(preview.kind === 'orders' ? { orderColumns: orderColumnsOf(preview) } : {}),
          // The order the preview asked about and shows (preselected or answered) is the one used.
          ...(preview.dateOrder?.state === 'ambiguous' && preview.dateOrder.order
            ? { dateOrder: preview.dateOrder.order }
            : {}),
        });
        // Cancel pressed before the job's id came back: stop the job we just got.
        if (cancelRequested) void call('jobs.cancel', { jobId }).catch(() => undefined);
        const job = await watchJob(jobId, (update) => set({ job: update, jobSeenAt: Date.now() }));
        set({ job, phase: 'finished', stagedId: null });
        if (job.status === 'done') await useWorkspace.getState().refresh();
      } catch (err) {
        set({ phase: 'finished', error: toApiCallError(err), stagedId: null });
      }
    },

    async cancel() {
      cancelRequested = true;
      const { job } = get();
      if (upload) upload.abort();
      else if (job && job.status === 'running') {
        try {
          set({ job: await call('jobs.cancel', { jobId: job.id }) });
        } catch (err) {
          set({ error: toApiCallError(err) });
        }
      }
    },

    reset() {
      clearPreviewTimer();
      ++previewSeq;
      const previous = get().stagedId;
      if (previous) void call('import.discard', { stagedId: previous }).catch(() => undefined);
      set({
        file: null,
        stagedId: null,
        choices: {},
        preview: null,
        previewState: 'idle',
        previewError: null,
        phase: 'choose',
        job: null,
        error: null,
        uploaded: { sent: 0, total: 0 },
      });
    },
  };
});
