import type { AutoRestartStop, HealthCheckName, HealthFinding, IncidentSummary, RunStatus, StatusNote } from '@weir/contract';
import { formatDuration } from './alert-templates.js';

// An incident's summary in both of its forms, made in one place so that they cannot say different
// things: the English line the channels send (chat messages, e-mails and webhooks keep it as it
// always was), and the code with values the web app says in the reader's language. Values quoted
// from elsewhere (an exception's name, Flink's failure reason, a health check's detail) go into the
// code as they are. Pure.

export interface SummaryForms {
  summary: string;
  summaryCode: IncidentSummary;
}

function forms(summary: string, code: IncidentSummary['code'], params: IncidentSummary['params'], note?: StatusNote): SummaryForms {
  return { summary, summaryCode: { code, params, ...(note ? { note } : {}) } };
}

/** Durations in the code are whole seconds: the English says no more, and neither should the reader's language. */
const wholeSeconds = (ms: number) => Math.max(0, Math.round(ms / 1000)) * 1000;

/** A metric rule's metric as its English lines name it: "busyTimeMsPerSecond of vertex v1". */
export function metricInWords(condition: { metric: string; vertexId?: string | null | undefined }): string {
  return `${condition.metric}${condition.vertexId ? ` of vertex ${condition.vertexId}` : ''}`;
}

export const incidentSummary = {
  /** A run's status became one a rule watches; `note` is the status's own note, when Weir gave the status. */
  statusBecame(status: RunStatus, note?: { text: string; code?: StatusNote | undefined }): SummaryForms {
    return forms(`status became ${status}${note ? ` (${note.text})` : ''}`, 'statusBecame', { status, ...(note ? { note: note.text } : {}) }, note?.code);
  },

  restartsWithin(count: number, windowMs: number, limit: number): SummaryForms {
    return forms(`${count} restarts within ${formatDuration(windowMs)} (more than ${limit})`, 'restartsWithin', { count, windowMs, limit });
  },

  exceptionRaised(exception: string): SummaryForms {
    return forms(`raised ${exception}`, 'exceptionRaised', { exception });
  },

  checkpointFailed(checkpointId: number): SummaryForms {
    return forms(`checkpoint ${checkpointId} failed`, 'checkpointFailed', { checkpointId });
  },

  clusterUnreachable(cluster: string, error: string | null): SummaryForms {
    return forms(`cluster ${cluster} is unreachable${error ? `: ${error}` : ''}`, 'clusterUnreachable', { cluster, ...(error ? { error } : {}) });
  },

  /**
   * A health check failed: `detail` is what it found in English, `finding` the same as a code, whose
   * code and values go into the summary's as `finding` and the values' own names (a summary's values
   * are flat), so the web app says the detail as the run page does. An event relayed by an instance
   * from before the code has none: its detail is quoted as it is.
   */
  healthCheckFailed(check: HealthCheckName, detail: string, finding?: HealthFinding): SummaryForms {
    return forms(`health check ${check} failed: ${detail}`, 'healthCheckFailed', { ...(finding ? { ...finding.params, finding: finding.code } : {}), check, detail });
  },

  savepointFailed(takenBy: string | null, failure: string | null): SummaryForms {
    return forms(`a savepoint${takenBy ? ` taken by ${takenBy}` : ''} failed: ${failure ?? 'no reason given'}`, 'savepointFailed', {
      ...(takenBy ? { takenBy } : {}),
      ...(failure ? { failure } : {}),
    });
  },

  /**
   * Auto-restart gave up: `reason` is its English line, `stop` the same as a code, whose code and
   * values go into the summary's as `stop` and the values' own names (a summary's values are flat).
   * An event relayed by an instance from before the code has none: its reason is quoted as it is.
   */
  autoRestartStopped(reason: string, stop: AutoRestartStop | undefined): SummaryForms {
    return forms(`automatic restarts stopped: ${reason}`, 'autoRestartStopped', { reason, ...stopValues(stop) });
  },

  /** The FAILED status a status rule alerts on once auto-restart gave up on the run. */
  failedAutoRestartStopped(reason: string, stop: AutoRestartStop | undefined): SummaryForms {
    return forms(`status became FAILED; automatic restarts stopped: ${reason}`, 'failedAutoRestartStopped', { reason, ...stopValues(stop) });
  },

  /** No checkpoint completed for `quietForMs`; `noneSeen` when the run never completed one Weir knows of. */
  noCheckpoint(quietForMs: number, noneSeen: boolean): SummaryForms {
    const forMs = wholeSeconds(quietForMs);
    return forms(`no checkpoint completed for ${formatDuration(quietForMs)}${noneSeen ? ' (none seen)' : ''}`, noneSeen ? 'noCheckpointNoneSeen' : 'noCheckpoint', { forMs });
  },

  metric(condition: { metric: string; vertexId?: string | null | undefined; op: 'above' | 'below'; threshold: number; forMs: number }, value: number): SummaryForms {
    const { metric, vertexId, op, threshold, forMs } = condition;
    return forms(`${metricInWords(condition)} ${op} ${threshold} for ${formatDuration(forMs)} (now ${value})`, op === 'above' ? 'metricAbove' : 'metricBelow', {
      metric,
      ...(vertexId ? { vertexId } : {}),
      threshold,
      forMs,
      value,
    });
  },
};

function stopValues(stop: AutoRestartStop | undefined): IncidentSummary['params'] {
  return stop ? { stop: stop.code, ...stop.params } : {};
}
