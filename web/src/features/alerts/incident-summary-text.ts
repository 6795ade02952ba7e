import { AutoRestartStop, HealthFindingCode, type AlertIncident, type IncidentSummary } from '@weir/contract';
import type { TFunction } from 'i18next';
import { findingText } from '../overview/health-text';
import { statusNoteText } from '../runs/status-note-text';
import { formatDuration } from './alert-durations';
import { autoRestartStopText } from './auto-restart-stop-text';

// An incident's summary in the reader's language, from the code the server keeps beside the English
// its alerts were sent with. Values quoted from elsewhere (an exception's name, Flink's failure
// reason, a health check's detail) are shown as they are; incidents opened before summaries had
// codes have only their English, shown as it is. Pure (t and the language come in), so it is tested
// without a DOM.

export function incidentSummaryText(t: TFunction, language: string, incident: Pick<AlertIncident, 'summary' | 'summaryCode'>): string {
  const { summaryCode } = incident;
  if (!summaryCode) return incident.summary;
  const p = summaryCode.params;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(p)) values[name] = typeof value === 'number' && name.endsWith('Ms') ? formatDuration(t, value) : value;
  const key = `alerts.incidents.summaries.${summaryCode.code}` as const;
  switch (summaryCode.code) {
    case 'statusBecame':
      return t(key, { status: values.status, note: p.note === undefined ? '' : t('alerts.incidents.summaries.withNote', { note: noteText(t, language, summaryCode) }) });
    case 'restartsWithin':
      return t(key, { count: Number(p.count), window: values.windowMs, limit: values.limit });
    case 'clusterUnreachable':
      return t(key, { cluster: values.cluster, error: p.error === undefined ? '' : t('alerts.incidents.summaries.withError', { error: values.error }) });
    case 'healthCheckFailed':
      return t(key, { check: t(`alerts.healthCheck.${String(p.check)}`, { defaultValue: String(p.check) }), detail: healthDetailText(t, language, p) });
    case 'savepointFailed':
      return t(key, {
        takenBy: p.takenBy === undefined ? '' : t('alerts.incidents.summaries.takenBy', { takenBy: values.takenBy }),
        failure: p.failure ?? t('alerts.incidents.summaries.noReason'),
      });
    case 'noCheckpoint':
    case 'noCheckpointNoneSeen':
      return t(key, { duration: values.forMs });
    case 'autoRestartStopped':
    case 'failedAutoRestartStopped':
      return t(key, { reason: autoRestartStopInSummary(t, p) });
    case 'metricAbove':
    case 'metricBelow':
      return t(key, {
        ...values,
        metric: p.vertexId === undefined ? values.metric : t('alerts.incidents.summaries.metricOfVertex', { metric: values.metric, vertexId: values.vertexId }),
        duration: values.forMs,
      });
    default:
      return t(key, values);
  }
}

/** What a failed health check found: said from its code (`finding`) as the run page says it, else its English quoted as it came. */
function healthDetailText(t: TFunction, language: string, p: IncidentSummary['params']): string {
  const code = HealthFindingCode.safeParse(p.finding);
  if (!code.success) return String(p.detail);
  const { check: _check, detail: _detail, finding: _finding, ...params } = p;
  return findingText(t, language, { code: code.data, params });
}

/** Why auto-restart stopped: said from its code (`stop`) when it has one, else its English quoted as it came. */
function autoRestartStopInSummary(t: TFunction, p: IncidentSummary['params']): string {
  const { reason: _reason, stop: code, ...params } = p;
  const stop = AutoRestartStop.safeParse({ code, params });
  return stop.success ? autoRestartStopText(t, stop.data) : String(p.reason);
}

/** A status's own note: said from its code when it has one, else quoted as it came. */
function noteText(t: TFunction, language: string, summaryCode: IncidentSummary): string {
  const note = String(summaryCode.params.note);
  return statusNoteText(t, language, { note, ...(summaryCode.note ? { noteCode: summaryCode.note } : {}) }) ?? note;
}
