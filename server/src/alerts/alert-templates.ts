import { createHash } from 'node:crypto';
import type { DeliveryKind } from './alert-tables.js';
import type { IncidentFacts } from './alert-incidents.store.js';
import { escapeChatMarkdown, escapeHtml, markdownLinkTarget, oneLine } from './message-escaping.js';

/**
 * One notice, channel-neutral: what every channel's template renders. Built from an incident's
 * stored facts, so a notice sent after a restart of Weir reads exactly like one sent before it.
 */
export interface AlertNotice {
  kind: DeliveryKind;
  /** One line: "[FIRING] orders-etl: status became FAILED" (`[tag] headline`). */
  title: string;
  /** Weir's own label, "FIRING" … */
  tag: string;
  /** The part after the tag, built from names and texts others chose: each format escapes it. */
  headline: string;
  /** Label/value pairs in display order; values are plain text. */
  fields: Array<{ label: string; value: string }>;
  /** The run's page in Weir (or the clusters page for a cluster incident). */
  link: string | null;
  incidentId: string | null;
  ruleName: string | null;
  facts: IncidentFacts | null;
  /** When this notice was made (epoch ms). */
  at: number;
}

export interface NoticeInput {
  kind: DeliveryKind;
  incident: { id: string; openedAt: number; resolvedAt: number | null; facts: IncidentFacts } | null;
  ruleName: string | null;
  channelName?: string;
  publicUrl: string;
  /** IANA zone for the "local" times; the server's by default. */
  timeZone?: string;
  now: number;
}

const LABEL: Record<DeliveryKind, string> = {
  FIRING: 'FIRING',
  RENOTIFY: 'STILL FIRING',
  RESOLVED: 'RESOLVED',
  TEST: 'TEST',
};

export function buildNotice(input: NoticeInput): AlertNotice {
  const base = input.publicUrl.replace(/\/+$/, '');
  if (!input.incident) {
    const headline = `Weir test message${input.channelName ? ` for channel "${input.channelName}"` : ''}`;
    return {
      kind: input.kind,
      title: `[TEST] ${headline}`,
      tag: 'TEST',
      headline,
      fields: [
        { label: 'Message', value: 'This is a test message from Weir. If you can read it, the channel works.' },
        { label: 'Time', value: formatTime(input.now, input.timeZone) },
      ],
      link: base || null,
      incidentId: null,
      ruleName: null,
      facts: null,
      at: input.now,
    };
  }
  const { facts } = input.incident;
  const subject = facts.taskName ?? facts.jobName ?? facts.clusterName ?? 'Weir';
  const what = input.kind === 'RESOLVED' ? (facts.resolution ?? 'resolved') : facts.summary;
  const fields: AlertNotice['fields'] = [];
  if (input.ruleName) fields.push({ label: 'Rule', value: input.ruleName });
  if (facts.taskName) fields.push({ label: 'Job', value: facts.taskName });
  if (facts.jobName && facts.jobName !== facts.taskName) fields.push({ label: 'Flink job', value: facts.jobName });
  if (facts.status) fields.push({ label: 'Status', value: facts.status });
  if (facts.clusterName) fields.push({ label: 'Cluster', value: facts.clusterName });
  fields.push({ label: input.kind === 'RESOLVED' ? 'Opened' : 'Time', value: formatTime(facts.at, input.timeZone) });
  if (input.kind === 'RESOLVED' && input.incident.resolvedAt !== null) {
    fields.push({ label: 'Resolved', value: formatTime(input.incident.resolvedAt, input.timeZone) });
    fields.push({ label: 'Lasted', value: formatDuration(input.incident.resolvedAt - input.incident.openedAt) });
  }
  if (input.kind === 'RENOTIFY') fields.push({ label: 'Firing for', value: formatDuration(input.now - input.incident.openedAt) });
  if (facts.exception) fields.push({ label: 'Exception', value: exceptionSummary(facts.exception) });
  if (facts.checkpoint) {
    fields.push({
      label: 'Checkpoint',
      value: `#${facts.checkpoint.id}${facts.checkpoint.failure ? `: ${firstLine(facts.checkpoint.failure, 300)}` : ''}`,
    });
  }
  if (facts.affectedJobs && facts.affectedJobs.length > 0) fields.push({ label: 'Affected jobs', value: facts.affectedJobs.join(', ') });
  if (facts.flinkJobId) fields.push({ label: 'Flink job id', value: facts.flinkJobId });
  // A failure's message opens the logs Weir saved around it (log-captures/): by the time someone
  // reads it, the cluster's own logs may have rolled over or the cluster may be gone.
  const failure = input.kind !== 'RESOLVED' && (facts.status === 'FAILED' || facts.status === 'RESTARTING' || Boolean(facts.exception) || Boolean(facts.checkpoint));
  const link = facts.runId ? `${base}/runs/${facts.runId}${failure ? '?tab=logs&logs=captures' : ''}` : facts.clusterId ? `${base}/clusters` : base || null;
  return {
    kind: input.kind,
    title: `[${LABEL[input.kind]}] ${subject}: ${what}`,
    tag: LABEL[input.kind],
    headline: `${subject}: ${what}`,
    fields,
    link,
    incidentId: input.incident.id,
    ruleName: input.ruleName,
    facts,
    at: input.now,
  };
}

/** "2026-11-25T08:00:00.000Z (25/11/2026, 16:00:00 GMT+8)": ISO for machines, local for people. */
export function formatTime(at: number, timeZone?: string): string {
  const date = new Date(at);
  const local = date.toLocaleString('en-GB', { timeZone, timeZoneName: 'short' });
  return `${date.toISOString()} (${local})`;
}

export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${seconds % 60}s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h ${minutes % 60}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

export function exceptionSummary(exception: { name: string; message: string }): string {
  const message = firstLine(exception.message, 300);
  return message ? `${exception.name}: ${message}` : exception.name;
}

function firstLine(text: string, max: number): string {
  const line = text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

// ---- per channel type ----

/** The generic webhook's JSON body (stable field names; `version` bumps on breaking changes). */
export function webhookPayload(notice: AlertNotice, sentAt: number) {
  const facts = notice.facts;
  return {
    version: 1,
    source: 'weir',
    kind: notice.kind,
    title: notice.title,
    incidentId: notice.incidentId,
    rule: notice.ruleName,
    summary: facts?.summary ?? null,
    resolution: notice.kind === 'RESOLVED' ? (facts?.resolution ?? null) : null,
    task: facts ? { id: facts.taskId, name: facts.taskName } : null,
    run: facts ? { id: facts.runId, jobName: facts.jobName, flinkJobId: facts.flinkJobId, status: facts.status } : null,
    cluster: facts ? { id: facts.clusterId, name: facts.clusterName } : null,
    exception: facts?.exception ?? null,
    checkpoint: facts?.checkpoint ?? null,
    affectedJobs: facts?.affectedJobs ?? null,
    at: facts ? new Date(facts.at).toISOString() : new Date(notice.at).toISOString(),
    link: notice.link,
    fields: notice.fields,
    sentAt,
  };
}

/** DingTalk markdown (a small subset of Markdown: headings, bold, links, lists). */
export function dingTalkMarkdown(notice: AlertNotice, atMobiles: readonly string[] = []): { title: string; text: string } {
  const lines = [`### ${markdownTitle(notice)}`, ''];
  for (const field of notice.fields) lines.push(`- **${field.label}**: ${escapeChatMarkdown(field.value)}`);
  const link = notice.link ? markdownLinkTarget(notice.link) : undefined;
  if (link) lines.push('', `[Open in Weir](${link})`);
  // DingTalk only notifies the people whose @mobile appears in the text (the channel's own list, not a value).
  if (atMobiles.length > 0) lines.push('', atMobiles.map((m) => `@${m}`).join(' '));
  return { title: truncate(oneLine(notice.title), 64), text: lines.join('\n') };
}

/** Feishu/Lark interactive card: coloured header, the fields, a button to the run. */
export function feishuCard(notice: AlertNotice) {
  const template = notice.kind === 'RESOLVED' ? 'green' : notice.kind === 'TEST' ? 'blue' : notice.kind === 'RENOTIFY' ? 'orange' : 'red';
  const elements: unknown[] = [
    {
      tag: 'div',
      text: { tag: 'lark_md', content: notice.fields.map((f) => `**${f.label}**: ${escapeChatMarkdown(f.value)}`).join('\n') },
    },
  ];
  const link = notice.link ? markdownLinkTarget(notice.link) : undefined;
  if (link) {
    elements.push({
      tag: 'action',
      actions: [{ tag: 'button', text: { tag: 'plain_text', content: 'Open in Weir' }, type: 'primary', url: link }],
    });
  }
  return {
    config: { wide_screen_mode: true },
    header: { template, title: { tag: 'plain_text', content: oneLine(notice.title) } },
    elements,
  };
}

/** WeCom markdown: its own small dialect, with <font color="warning|info|comment">; at most 4096 bytes. */
export function weComMarkdown(notice: AlertNotice): string {
  const color = notice.kind === 'RESOLVED' ? 'info' : notice.kind === 'TEST' ? 'comment' : 'warning';
  const lines = [`### <font color="${color}">${markdownTitle(notice)}</font>`];
  for (const field of notice.fields) lines.push(`> ${field.label}: <font color="comment">${escapeChatMarkdown(field.value)}</font>`);
  const link = notice.link ? markdownLinkTarget(notice.link) : undefined;
  if (link) lines.push('', `[Open in Weir](${link})`);
  return truncateBytes(lines.join('\n'), 4096);
}

/** E-mail: subject, plain text and a simple HTML table. */
export function emailMessage(notice: AlertNotice): { subject: string; text: string; html: string } {
  // The plain-text part is shown as it is: a value with line breaks could add lines of its own.
  const text = [
    oneLine(notice.title),
    '',
    ...notice.fields.map((f) => `${f.label}: ${oneLine(f.value)}`),
    ...(notice.link ? ['', `Open in Weir: ${notice.link}`] : []),
    '',
    '-- ',
    'Sent by Weir',
  ].join('\n');
  const color = notice.kind === 'RESOLVED' ? '#1a7f37' : notice.kind === 'TEST' ? '#0969da' : '#cf222e';
  const rows = notice.fields
    .map((f) => `<tr><th align="left" style="padding:2px 12px 2px 0">${escapeHtml(f.label)}</th><td>${escapeHtml(f.value)}</td></tr>`)
    .join('');
  const html =
    `<div style="font-family:sans-serif"><h3 style="color:${color}">${escapeHtml(notice.title)}</h3>` +
    `<table>${rows}</table>` +
    (notice.link ? `<p><a href="${escapeHtml(notice.link)}">Open in Weir</a></p>` : '') +
    `<p style="color:#666">Sent by Weir</p></div>`;
  return { subject: truncate(oneLine(notice.title), 200), text, html };
}

/** "[FIRING] " is Weir's own; the headline is escaped. */
function markdownTitle(notice: AlertNotice): string {
  return `[${notice.tag}] ${escapeChatMarkdown(notice.headline)}`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function truncateBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let cut = text;
  while (Buffer.byteLength(cut) > maxBytes - 3) cut = cut.slice(0, Math.floor(cut.length * 0.95));
  return `${cut}…`;
}

/** Slack Block Kit: a header, the fields (at most 10, Slack's limit), a button to the run. */
export function slackMessage(notice: AlertNotice) {
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(oneLine(notice.title), 150) } },
    {
      type: 'section',
      fields: notice.fields.slice(0, 10).map((f) => ({ type: 'mrkdwn', text: truncate(`*${escapeSlack(f.label)}*\n${escapeSlack(f.value)}`, 2000) })),
    },
  ];
  const link = notice.link ? markdownLinkTarget(notice.link) : undefined;
  if (link) blocks.push({ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open in Weir' }, url: link }] });
  // `text` is what notifications and clients without blocks show.
  return { text: truncate(oneLine(notice.title), 3000), blocks };
}

/**
 * Slack's mrkdwn: `<…>` makes links and @channel mentions and `*_~\`` make markup; the chat formats'
 * look-alikes (escapeChatMarkdown) take `&`, `<`, `>` and the markup characters away alike.
 */
function escapeSlack(text: string): string {
  return escapeChatMarkdown(text);
}

/** Microsoft Teams (workflow webhook): a message with one Adaptive Card 1.4. */
export function teamsMessage(notice: AlertNotice) {
  const color = notice.kind === 'RESOLVED' ? 'Good' : notice.kind === 'TEST' ? 'Accent' : 'Attention';
  const link = notice.link ? markdownLinkTarget(notice.link) : undefined;
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: markdownTitle(notice), weight: 'Bolder', size: 'Medium', color, wrap: true },
            { type: 'FactSet', facts: notice.fields.map((f) => ({ title: escapeChatMarkdown(f.label), value: escapeChatMarkdown(f.value) })) },
          ],
          ...(link ? { actions: [{ type: 'Action.OpenUrl', title: 'Open in Weir', url: link }] } : {}),
        },
      },
    ],
  };
}

/**
 * PagerDuty Events API v2. One PagerDuty incident per Weir incident: the dedup key is Weir's
 * incident, so a renotification updates it instead of paging again, and Weir's resolution resolves it.
 */
export function pagerDutyEvent(notice: AlertNotice, routingKey: string, severity: string, dedupKey: string) {
  if (notice.kind === 'RESOLVED') return { routing_key: routingKey, event_action: 'resolve', dedup_key: dedupKey };
  const facts = notice.facts;
  return {
    routing_key: routingKey,
    event_action: 'trigger',
    dedup_key: dedupKey,
    payload: {
      summary: truncate(oneLine(notice.title), 1024),
      source: facts?.clusterName ?? 'weir',
      severity: notice.kind === 'TEST' ? 'info' : severity,
      timestamp: new Date(facts?.at ?? notice.at).toISOString(),
      ...(facts?.taskName ? { component: facts.taskName } : {}),
      ...(facts?.clusterName ? { group: facts.clusterName } : {}),
      ...(facts?.status ? { class: facts.status } : {}),
      custom_details: Object.fromEntries(notice.fields.map((f) => [f.label, f.value])),
    },
    client: 'Weir',
    ...(notice.link ? { client_url: notice.link, links: [{ href: notice.link, text: 'Open in Weir' }] } : {}),
  };
}

/** Alertmanager's "zero" time, which its webhook sends as endsAt while an alert fires. */
const ALERTMANAGER_NO_END = '0001-01-01T00:00:00Z';

/**
 * The body Prometheus Alertmanager POSTs to a webhook receiver (version 4), one alert per notice,
 * so tools that already take Alertmanager's webhooks take Weir's too.
 */
export function alertmanagerPayload(notice: AlertNotice, externalUrl: string | null) {
  const facts = notice.facts;
  const resolved = notice.kind === 'RESOLVED';
  const labels: Record<string, string> = { alertname: notice.ruleName ?? (notice.kind === 'TEST' ? 'WeirTest' : 'Weir'), source: 'weir' };
  if (facts?.taskName) labels.task = facts.taskName;
  if (facts?.clusterName) labels.cluster = facts.clusterName;
  if (facts?.status) labels.status = facts.status;
  if (facts?.flinkJobId) labels.flink_job_id = facts.flinkJobId;
  const startsAt = new Date(facts?.at ?? notice.at).toISOString();
  const alert = {
    status: resolved ? 'resolved' : 'firing',
    labels,
    annotations: {
      summary: oneLine(notice.headline),
      description: notice.fields.map((f) => `${f.label}: ${oneLine(f.value)}`).join('\n'),
    },
    startsAt,
    endsAt: resolved ? new Date(notice.at).toISOString() : ALERTMANAGER_NO_END,
    generatorURL: notice.link ?? '',
    fingerprint: fingerprintOf(notice.incidentId ?? `test-${notice.at}`),
  };
  return {
    version: '4',
    groupKey: `{}:{alertname="${labels.alertname}"}`,
    truncatedAlerts: 0,
    status: alert.status,
    receiver: 'weir',
    groupLabels: { alertname: labels.alertname },
    commonLabels: labels,
    commonAnnotations: alert.annotations,
    externalURL: externalUrl ?? '',
    alerts: [alert],
  };
}

/** 16 hex digits, stable for an incident, as Alertmanager's fingerprints look. */
function fingerprintOf(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}
