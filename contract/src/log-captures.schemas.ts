import { z } from 'zod';
import { EpochMs } from './common.schemas.js';
import { LogComponent, LogKind, RunIdParams } from './runs.schemas.js';

/** What made Weir keep a run's logs: Flink's events as the watcher saw them, or a user ('MANUAL'). */
export const LogCaptureTrigger = z.enum(['FAILED', 'RESTARTING', 'CHECKPOINT_FAILED', 'TASKMANAGER_LOST', 'MANUAL']);
/** PARTIAL: some files could not be read (each part says why); FAILED: none could. */
export const LogCaptureStatus = z.enum(['PENDING', 'COMPLETE', 'PARTIAL', 'FAILED']);

export const LogCapturePart = z
  .object({
    seq: z.number().int(),
    component: LogComponent,
    tm: z.string().nullable(),
    kind: LogKind,
    /** `job`: the JobManager records naming the job and a window around the latest; `tail`: the end of the file. */
    selection: z.enum(['job', 'tail']),
    status: z.enum(['OK', 'FAILED']),
    /** Why the file could not be read (the TaskManager was gone, the cluster did not answer …). */
    failure: z.string().nullable(),
    /** The file's size on the cluster when read. */
    sourceBytes: z.number().int().nullable(),
    /** The text kept, uncompressed. */
    textBytes: z.number().int(),
    /** Compressed, as stored. */
    storedBytes: z.number().int(),
    /** Cut to the bound; the text starts with a marker line saying how much. */
    truncated: z.boolean(),
  })
  .meta({ id: 'LogCapturePart' });
export type LogCapturePart = z.infer<typeof LogCapturePart>;

export const LogCapture = z
  .object({
    id: z.string(),
    runId: z.string(),
    trigger: LogCaptureTrigger,
    /** When the event happened (Flink's time where Flink gives one). */
    triggerAt: EpochMs,
    /** The exception or checkpoint failure that came with the event, in one line. */
    detail: z.string().nullable(),
    requestedBy: z.string().nullable(),
    status: LogCaptureStatus,
    failure: z.string().nullable(),
    textBytes: z.number().int(),
    storedBytes: z.number().int(),
    truncated: z.boolean(),
    /** How long reading the files took. */
    durationMs: z.number().int().nullable(),
    createdAt: EpochMs,
    completedAt: EpochMs.nullable(),
    parts: z.array(LogCapturePart),
  })
  .meta({ id: 'LogCapture' });
export type LogCapture = z.infer<typeof LogCapture>;

export const RunLogCaptures = z
  .object({
    /** Newest event first. */
    captures: z.array(LogCapture),
    /** The bounds captures are held to, and how long they are kept. */
    limits: z.object({ captureBytes: z.number().int(), runBytes: z.number().int(), retentionDays: z.number() }),
  })
  .meta({ id: 'RunLogCaptures' });
export type RunLogCaptures = z.infer<typeof RunLogCaptures>;

export const LogCapturePartParams = RunIdParams.extend({
  captureId: z.string().min(1).max(64),
  seq: z.coerce.number().int().min(0).max(1000),
});

export const LogCapturePartText = z
  .object({
    captureId: z.string(),
    part: LogCapturePart,
    text: z.string(),
    /** Secrets were masked (the reader is not an operator of the run's team). */
    masked: z.boolean(),
  })
  .meta({ id: 'LogCapturePartText' });
export type LogCapturePartText = z.infer<typeof LogCapturePartText>;

export const CaptureLogsRequest = z
  .object({
    /** Also keep a thread dump of each TaskManager read. */
    threadDump: z.boolean().default(false),
  })
  .meta({ id: 'CaptureLogsRequest' });
export type CaptureLogsRequest = z.infer<typeof CaptureLogsRequest>;
