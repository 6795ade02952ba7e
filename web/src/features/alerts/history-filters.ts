import type { AlertDelivery, AlertDeliveryStatus, AlertHistoryQuery, AlertIncidentQuery } from '@weir/contract';

type AlertDeliveryKind = AlertDelivery['kind'];

/** The alert-history filters, kept in the URL so a filtered view can be shared and survives a reload. */
export interface HistoryFilters {
  taskId?: string;
  ruleId?: string;
  channelId?: string;
  /** The deliveries of one incident (from the incidents tab). */
  incidentId?: string;
  status?: AlertDeliveryStatus;
  kind?: AlertDeliveryKind;
  /** Epoch ms, inclusive. */
  from?: number;
  /** Epoch ms, exclusive. */
  to?: number;
  /** 1-based. */
  page: number;
  pageSize: number;
}

export const DELIVERY_STATUSES: readonly AlertDeliveryStatus[] = ['PENDING', 'SENDING', 'SENT', 'FAILED', 'GAVE_UP', 'SUPPRESSED', 'CANCELED'];
export const DELIVERY_KINDS: readonly AlertDeliveryKind[] = ['FIRING', 'RESOLVED', 'RENOTIFY', 'TEST'];
export const HISTORY_PAGE_SIZES = [20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 50;
const ID_KEYS = ['taskId', 'ruleId', 'channelId', 'incidentId'] as const;

function positiveInt(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : undefined;
}

function pageOf(params: URLSearchParams): { page: number; pageSize: number } {
  const page = positiveInt(params.get('page'));
  const size = positiveInt(params.get('size'));
  return {
    page: page && page >= 1 ? page : 1,
    pageSize: size && (HISTORY_PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
}

function writePage(params: URLSearchParams, page: number, pageSize: number): void {
  if (page > 1) params.set('page', String(page));
  if (pageSize !== DEFAULT_PAGE_SIZE) params.set('size', String(pageSize));
}

/** Reads the filters from the URL; anything malformed is dropped rather than sent to the server. */
export function parseHistoryFilters(params: URLSearchParams): HistoryFilters {
  const filters: HistoryFilters = pageOf(params);
  for (const key of ID_KEYS) {
    const value = params.get(key)?.trim();
    if (value && value.length <= 64) filters[key] = value;
  }
  const status = params.get('status');
  if (DELIVERY_STATUSES.includes(status as AlertDeliveryStatus)) filters.status = status as AlertDeliveryStatus;
  const kind = params.get('kind');
  if (DELIVERY_KINDS.includes(kind as AlertDeliveryKind)) filters.kind = kind as AlertDeliveryKind;
  const from = positiveInt(params.get('from'));
  const to = positiveInt(params.get('to'));
  if (from !== undefined) filters.from = from;
  if (to !== undefined && (from === undefined || to > from)) filters.to = to;
  return filters;
}

/** The URL for these filters, defaults left out so links stay short. */
export function historyFiltersToParams(filters: HistoryFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ID_KEYS) if (filters[key]) params.set(key, filters[key]!);
  if (filters.status) params.set('status', filters.status);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.from !== undefined) params.set('from', String(filters.from));
  if (filters.to !== undefined) params.set('to', String(filters.to));
  writePage(params, filters.page, filters.pageSize);
  return params;
}

export function toHistoryQuery(filters: HistoryFilters): AlertHistoryQuery {
  const query: AlertHistoryQuery = { limit: filters.pageSize, offset: (filters.page - 1) * filters.pageSize };
  for (const key of ID_KEYS) if (filters[key]) query[key] = filters[key];
  if (filters.status) query.status = filters.status;
  if (filters.kind) query.kind = filters.kind;
  if (filters.from !== undefined) query.from = filters.from;
  if (filters.to !== undefined) query.to = filters.to;
  return query;
}

/** Whether anything narrows the history (the page does not count). */
export function hasHistoryFilters(filters: HistoryFilters): boolean {
  return Boolean(filters.taskId || filters.ruleId || filters.channelId || filters.incidentId || filters.status || filters.kind || filters.from !== undefined || filters.to !== undefined);
}

/** A filter change starts again at page 1; a cleared value is removed, not kept as an empty string. */
export function withHistoryFilter(filters: HistoryFilters, change: Partial<Omit<HistoryFilters, 'page' | 'pageSize'>>): HistoryFilters {
  const next: HistoryFilters = { ...filters, ...change, page: 1 };
  for (const [key, value] of Object.entries(change)) if (value === undefined || value === '' || value === null) delete next[key as keyof typeof change];
  return next;
}

/** The incidents tab: open (FIRING) or resolved, paged. */
export interface IncidentFilters {
  state: 'FIRING' | 'RESOLVED' | undefined;
  page: number;
  pageSize: number;
}

export function parseIncidentFilters(params: URLSearchParams): IncidentFilters {
  const state = params.get('state');
  return { state: state === 'FIRING' || state === 'RESOLVED' ? state : undefined, ...pageOf(params) };
}

export function incidentFiltersToParams(filters: IncidentFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.state) params.set('state', filters.state);
  writePage(params, filters.page, filters.pageSize);
  return params;
}

export function toIncidentQuery(filters: IncidentFilters): AlertIncidentQuery {
  const query: AlertIncidentQuery = { limit: filters.pageSize, offset: (filters.page - 1) * filters.pageSize };
  if (filters.state) query.state = filters.state;
  return query;
}
