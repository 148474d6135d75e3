/**
 * The API contract: every call the renderer (or any door) can make, declared once with its input
 * and output schema. `src-main/api.ts` implements it; the dispatcher checks both sides.
 */
import { z } from 'zod';
export declare const contract: {
  readonly 'workspace.info': {
    input: z.ZodObject<{}, z.core.$strict>;
    output: z.ZodObject<
      {
        path: z.ZodString;
        calls: z.ZodNumber;
        agents: z.ZodNumber;
        teams: z.ZodNumber;
        firstDay: z.ZodNullable<z.ZodString>;
        lastDay: z.ZodNullable<z.ZodString>;
        today: z.ZodString;
        settings: z.ZodObject<
          {
            timeZone: z.ZodString;
            effectiveThresholdSeconds: z.ZodNumber;
            language: z.ZodEnum<{
              'zh-CN': 'zh-CN';
              en: 'en';
              auto: 'auto';
            }>;
            currency: z.ZodString;
          },
          z.core.$strip
        >;
      },
      z.core.$strip
    >;
  };
  readonly 'settings.get': {
    input: z.ZodObject<{}, z.core.$strict>;
    output: z.ZodObject<
      {
        timeZone: z.ZodString;
        effectiveThresholdSeconds: z.ZodNumber;
        language: z.ZodEnum<{
          'zh-CN': 'zh-CN';
          en: 'en';
          auto: 'auto';
        }>;
        currency: z.ZodString;
      },
      z.core.$strip
    >;
  };
  /** Changing the effective-call threshold recomputes the rollups from the stored calls. */
  readonly 'settings.update': {
    input: z.ZodObject<
      {
        timeZone: z.ZodOptional<z.ZodString>;
        effectiveThresholdSeconds: z.ZodOptional<z.ZodNumber>;
        language: z.ZodOptional<
          z.ZodEnum<{
            'zh-CN': 'zh-CN';
            en: 'en';
            auto: 'auto';
          }>
        >;
        currency: z.ZodOptional<z.ZodString>;
      },
      z.core.$strict
    >;
    output: z.ZodObject<
      {
        timeZone: z.ZodString;
        effectiveThresholdSeconds: z.ZodNumber;
        language: z.ZodEnum<{
          'zh-CN': 'zh-CN';
          en: 'en';
          auto: 'auto';
        }>;
        currency: z.ZodString;
      },
      z.core.$strip
    >;
  };
  readonly 'teams.list': {
    input: z.ZodObject<{}, z.core.$strict>;
    output: z.ZodArray<
      z.ZodObject<
        {
          id: z.ZodNumber;
          name: z.ZodString;
          agents: z.ZodNumber;
        },
        z.core.$strip
      >
    >;
  };
  readonly 'teams.create': {
    input: z.ZodObject<
      {
        name: z.ZodString;
      },
      z.core.$strip
    >;
    output: z.ZodObject<
      {
        id: z.ZodNumber;
        name: z.ZodString;
        agents: z.ZodNumber;
      },
      z.core.$strip
    >;
  };
  readonly 'agents.list': {
    input: z.ZodObject<{}, z.core.$strict>;
    output: z.ZodArray<
      z.ZodObject<
        {
          id: z.ZodNumber;
          code: z.ZodString;
          name: z.ZodNullable<z.ZodString>;
          teamId: z.ZodNullable<z.ZodNumber>;
          teamName: z.ZodNullable<z.ZodString>;
          active: z.ZodBoolean;
          firstDay: z.ZodNullable<z.ZodString>;
          lastDay: z.ZodNullable<z.ZodString>;
        },
        z.core.$strip
      >
    >;
  };
  readonly 'agents.update': {
    input: z.ZodObject<
      {
        id: z.ZodNumber;
        name: z.ZodOptional<z.ZodNullable<z.ZodString>>;
        teamId: z.ZodOptional<z.ZodNullable<z.ZodNumber>>;
        active: z.ZodOptional<z.ZodBoolean>;
      },
      z.core.$strip
    >;
    output: z.ZodObject<
      {
        id: z.ZodNumber;
        code: z.ZodString;
        name: z.ZodNullable<z.ZodString>;
        teamId: z.ZodNullable<z.ZodNumber>;
        teamName: z.ZodNullable<z.ZodString>;
        active: z.ZodBoolean;
        firstDay: z.ZodNullable<z.ZodString>;
        lastDay: z.ZodNullable<z.ZodString>;
      },
      z.core.$strip
    >;
  };
  readonly 'campaigns.list': {
    input: z.ZodObject<{}, z.core.$strict>;
    output: z.ZodArray<
      z.ZodObject<
        {
          id: z.ZodNumber;
          name: z.ZodString;
        },
        z.core.$strip
      >
    >;
  };
  readonly 'metrics.summary': {
    input: z.ZodObject<
      {
        filter: z.ZodObject<
          {
            from: z.ZodString;
            to: z.ZodString;
            teamId: z.ZodOptional<z.ZodNumber>;
            agentId: z.ZodOptional<z.ZodNumber>;
            campaignId: z.ZodOptional<z.ZodNumber>;
          },
          z.core.$strip
        >;
      },
      z.core.$strip
    >;
    output: z.ZodObject<
      {
        range: z.ZodObject<
          {
            from: z.ZodString;
            to: z.ZodString;
          },
          z.core.$strip
        >;
        previousRange: z.ZodObject<
          {
            from: z.ZodString;
            to: z.ZodString;
          },
          z.core.$strip
        >;
        current: z.ZodObject<
          {
            dials: z.ZodNumber;
            connects: z.ZodNumber;
            effective: z.ZodNumber;
            talkSeconds: z.ZodNumber;
            effectiveTalkSeconds: z.ZodNumber;
            intents: z.ZodNumber;
            sales: z.ZodNumber;
            revenue: z.ZodNumber;
            connectRate: z.ZodNullable<z.ZodNumber>;
            avgTalkSeconds: z.ZodNullable<z.ZodNumber>;
            intentRate: z.ZodNullable<z.ZodNumber>;
            leadConversion: z.ZodNullable<z.ZodNumber>;
            conversionRate: z.ZodNullable<z.ZodNumber>;
            avgOrderValue: z.ZodNullable<z.ZodNumber>;
          },
          z.core.$strip
        >;
        previous: z.ZodObject<
          {
            dials: z.ZodNumber;
            connects: z.ZodNumber;
            effective: z.ZodNumber;
            talkSeconds: z.ZodNumber;
            effectiveTalkSeconds: z.ZodNumber;
            intents: z.ZodNumber;
            sales: z.ZodNumber;
            revenue: z.ZodNumber;
            connectRate: z.ZodNullable<z.ZodNumber>;
            avgTalkSeconds: z.ZodNullable<z.ZodNumber>;
            intentRate: z.ZodNullable<z.ZodNumber>;
            leadConversion: z.ZodNullable<z.ZodNumber>;
            conversionRate: z.ZodNullable<z.ZodNumber>;
            avgOrderValue: z.ZodNullable<z.ZodNumber>;
          },
          z.core.$strip
        >;
        activeDays: z.ZodNumber;
      },
      z.core.$strip
    >;
  };
  readonly 'metrics.breakdown': {
    input: z.ZodObject<
      {
        filter: z.ZodObject<
          {
            from: z.ZodString;
            to: z.ZodString;
            teamId: z.ZodOptional<z.ZodNumber>;
            agentId: z.ZodOptional<z.ZodNumber>;
            campaignId: z.ZodOptional<z.ZodNumber>;
          },
          z.core.$strip
        >;
        by: z.ZodEnum<{
          none: 'none';
          day: 'day';
          agent: 'agent';
          team: 'team';
          campaign: 'campaign';
        }>;
      },
      z.core.$strip
    >;
    output: z.ZodObject<
      {
        rows: z.ZodArray<
          z.ZodObject<
            {
              dials: z.ZodNumber;
              connects: z.ZodNumber;
              effective: z.ZodNumber;
              talkSeconds: z.ZodNumber;
              effectiveTalkSeconds: z.ZodNumber;
              intents: z.ZodNumber;
              sales: z.ZodNumber;
              revenue: z.ZodNumber;
              connectRate: z.ZodNullable<z.ZodNumber>;
              avgTalkSeconds: z.ZodNullable<z.ZodNumber>;
              intentRate: z.ZodNullable<z.ZodNumber>;
              leadConversion: z.ZodNullable<z.ZodNumber>;
              conversionRate: z.ZodNullable<z.ZodNumber>;
              avgOrderValue: z.ZodNullable<z.ZodNumber>;
              key: z.ZodNullable<z.ZodString>;
              label: z.ZodNullable<z.ZodString>;
              id: z.ZodNullable<z.ZodNumber>;
            },
            z.core.$strip
          >
        >;
      },
      z.core.$strip
    >;
  };
  readonly 'import.presets': {
    input: z.ZodObject<{}, z.core.$strict>;
    output: z.ZodArray<
      z.ZodObject<
        {
          id: z.ZodString;
          name: z.ZodString;
        },
        z.core.$strip
      >
    >;
  };
  /** Hands a file's bytes to the workspace (IPC door; the web host streams uploads instead). */
  readonly 'import.stage': {
    input: z.ZodObject<
      {
        name: z.ZodString;
        bytes: z.ZodInstanceOf<Uint8Array<ArrayBuffer>>;
      },
      z.core.$strip
    >;
    output: z.ZodObject<
      {
        stagedId: z.ZodString;
      },
      z.core.$strip
    >;
  };
  readonly 'import.start': {
    input: z.ZodObject<
      {
        stagedId: z.ZodString;
        preset: z.ZodOptional<z.ZodString>;
        timeZone: z.ZodOptional<z.ZodString>;
      },
      z.core.$strip
    >;
    output: z.ZodObject<
      {
        jobId: z.ZodString;
      },
      z.core.$strip
    >;
  };
  readonly 'import.batches': {
    input: z.ZodObject<{}, z.core.$strict>;
    output: z.ZodArray<
      z.ZodObject<
        {
          id: z.ZodNumber;
          fileName: z.ZodString;
          preset: z.ZodString;
          status: z.ZodEnum<{
            failed: 'failed';
            done: 'done';
            running: 'running';
            cancelled: 'cancelled';
            undone: 'undone';
          }>;
          rows: z.ZodNumber;
          inserted: z.ZodNumber;
          duplicates: z.ZodNumber;
          rejected: z.ZodNumber;
          calls: z.ZodNumber;
          firstDay: z.ZodNullable<z.ZodString>;
          lastDay: z.ZodNullable<z.ZodString>;
          importedAt: z.ZodNumber;
          error: z.ZodNullable<z.ZodString>;
        },
        z.core.$strip
      >
    >;
  };
  readonly 'import.rejects': {
    input: z.ZodObject<
      {
        batchId: z.ZodNumber;
        offset: z.ZodDefault<z.ZodNumber>;
        limit: z.ZodDefault<z.ZodNumber>;
      },
      z.core.$strip
    >;
    output: z.ZodObject<
      {
        total: z.ZodNumber;
        rows: z.ZodArray<
          z.ZodObject<
            {
              line: z.ZodNumber;
              field: z.ZodNullable<z.ZodString>;
              reason: z.ZodString;
              raw: z.ZodString;
            },
            z.core.$strip
          >
        >;
      },
      z.core.$strip
    >;
  };
  readonly 'import.undo': {
    input: z.ZodObject<
      {
        batchId: z.ZodNumber;
      },
      z.core.$strip
    >;
    output: z.ZodObject<
      {
        id: z.ZodNumber;
        fileName: z.ZodString;
        preset: z.ZodString;
        status: z.ZodEnum<{
          failed: 'failed';
          done: 'done';
          running: 'running';
          cancelled: 'cancelled';
          undone: 'undone';
        }>;
        rows: z.ZodNumber;
        inserted: z.ZodNumber;
        duplicates: z.ZodNumber;
        rejected: z.ZodNumber;
        calls: z.ZodNumber;
        firstDay: z.ZodNullable<z.ZodString>;
        lastDay: z.ZodNullable<z.ZodString>;
        importedAt: z.ZodNumber;
        error: z.ZodNullable<z.ZodString>;
      },
      z.core.$strip
    >;
  };
  readonly 'demo.load': {
    input: z.ZodObject<
      {
        agents: z.ZodDefault<z.ZodNumber>;
        days: z.ZodDefault<z.ZodNumber>;
        seed: z.ZodDefault<z.ZodNumber>;
        language: z.ZodOptional<
          z.ZodEnum<{
            'zh-CN': 'zh-CN';
            en: 'en';
          }>
        >;
      },
      z.core.$strip
    >;
    output: z.ZodObject<
      {
        jobId: z.ZodString;
      },
      z.core.$strip
    >;
  };
  readonly 'jobs.get': {
    input: z.ZodObject<
      {
        jobId: z.ZodString;
      },
      z.core.$strip
    >;
    output: z.ZodObject<
      {
        id: z.ZodString;
        kind: z.ZodEnum<{
          import: 'import';
          demo: 'demo';
        }>;
        status: z.ZodEnum<{
          failed: 'failed';
          done: 'done';
          running: 'running';
          cancelled: 'cancelled';
        }>;
        done: z.ZodNumber;
        total: z.ZodNullable<z.ZodNumber>;
        note: z.ZodString;
        startedAt: z.ZodNumber;
        finishedAt: z.ZodNullable<z.ZodNumber>;
        result: z.ZodNullable<
          z.ZodObject<
            {
              file: z.ZodString;
              preset: z.ZodString;
              rows: z.ZodNumber;
              inserted: z.ZodNumber;
              duplicates: z.ZodNumber;
              rejected: z.ZodNumber;
              batchId: z.ZodNumber;
            },
            z.core.$strip
          >
        >;
        error: z.ZodNullable<z.ZodString>;
      },
      z.core.$strip
    >;
  };
  readonly 'jobs.cancel': {
    input: z.ZodObject<
      {
        jobId: z.ZodString;
      },
      z.core.$strip
    >;
    output: z.ZodObject<
      {
        id: z.ZodString;
        kind: z.ZodEnum<{
          import: 'import';
          demo: 'demo';
        }>;
        status: z.ZodEnum<{
          failed: 'failed';
          done: 'done';
          running: 'running';
          cancelled: 'cancelled';
        }>;
        done: z.ZodNumber;
        total: z.ZodNullable<z.ZodNumber>;
        note: z.ZodString;
        startedAt: z.ZodNumber;
        finishedAt: z.ZodNullable<z.ZodNumber>;
        result: z.ZodNullable<
          z.ZodObject<
            {
              file: z.ZodString;
              preset: z.ZodString;
              rows: z.ZodNumber;
              inserted: z.ZodNumber;
              duplicates: z.ZodNumber;
              rejected: z.ZodNumber;
              batchId: z.ZodNumber;
            },
            z.core.$strip
          >
        >;
        error: z.ZodNullable<z.ZodString>;
      },
      z.core.$strip
    >;
  };
  readonly 'jobs.list': {
    input: z.ZodObject<{}, z.core.$strict>;
    output: z.ZodArray<
      z.ZodObject<
        {
          id: z.ZodString;
          kind: z.ZodEnum<{
            import: 'import';
            demo: 'demo';
          }>;
          status: z.ZodEnum<{
            failed: 'failed';
            done: 'done';
            running: 'running';
            cancelled: 'cancelled';
          }>;
          done: z.ZodNumber;
          total: z.ZodNullable<z.ZodNumber>;
          note: z.ZodString;
          startedAt: z.ZodNumber;
          finishedAt: z.ZodNullable<z.ZodNumber>;
          result: z.ZodNullable<
            z.ZodObject<
              {
                file: z.ZodString;
                preset: z.ZodString;
                rows: z.ZodNumber;
                inserted: z.ZodNumber;
                duplicates: z.ZodNumber;
                rejected: z.ZodNumber;
                batchId: z.ZodNumber;
              },
              z.core.$strip
            >
          >;
          error: z.ZodNullable<z.ZodString>;
        },
        z.core.$strip
      >
    >;
  };
};
export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;
export declare function isMethod(name: string): name is Method;
/** The error every door returns, as `{ error: ApiErrorBody }`. */
export interface ApiErrorBody {
  code: 'bad_input' | 'not_found' | 'conflict' | 'busy' | 'internal' | 'unknown_method';
  message: string;
}
