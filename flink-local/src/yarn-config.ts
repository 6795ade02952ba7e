// The configuration of Weir's local YARN (one ResourceManager, one NodeManager, two JVMs): which ports
// each daemon takes, the yarn-site.xml / core-site.xml they read, and how the RM's REST answers tell
// that the pair is ready. Pure, so the unit tests pin what the daemons get.

export const DEFAULT_HADOOP_VERSION = '3.3.6';

export const YARN_MAIN_CLASSES = {
  resourceManager: 'org.apache.hadoop.yarn.server.resourcemanager.ResourceManager',
  nodeManager: 'org.apache.hadoop.yarn.server.nodemanager.NodeManager',
} as const;

/** Every port the two daemons listen on; each must be free on the host before they start. */
export interface YarnPorts {
  /** Clients (and later Flink) submit applications here. */
  rmClient: number;
  rmScheduler: number;
  rmResourceTracker: number;
  rmAdmin: number;
  /** The RM's web UI and REST API (`/ws/v1/cluster/...`). */
  rmWeb: number;
  nmRpc: number;
  nmLocalizer: number;
  nmWeb: number;
}

export const YARN_PORT_NAMES: ReadonlyArray<keyof YarnPorts> = [
  'rmClient', 'rmScheduler', 'rmResourceTracker', 'rmAdmin', 'rmWeb', 'nmRpc', 'nmLocalizer', 'nmWeb',
];

export interface YarnConfigInput {
  host: string;
  ports: YarnPorts;
  /** Holds the NodeManager's local and log dirs and Hadoop's tmp dir. */
  dataDir: string;
  nodeManagerMemoryMb: number;
  nodeManagerVcores: number;
}

export function yarnSiteEntries(input: YarnConfigInput): Array<[string, string]> {
  const { host, ports, dataDir } = input;
  const at = (port: number): string => `${host}:${port}`;
  return [
    ['yarn.resourcemanager.hostname', host],
    ['yarn.resourcemanager.address', at(ports.rmClient)],
    ['yarn.resourcemanager.scheduler.address', at(ports.rmScheduler)],
    ['yarn.resourcemanager.resource-tracker.address', at(ports.rmResourceTracker)],
    ['yarn.resourcemanager.admin.address', at(ports.rmAdmin)],
    ['yarn.resourcemanager.webapp.address', at(ports.rmWeb)],
    // FIFO: the Capacity Scheduler's default AM share (10%) of a small NodeManager cannot hold a JobManager.
    ['yarn.resourcemanager.scheduler.class', 'org.apache.hadoop.yarn.server.resourcemanager.scheduler.fifo.FifoScheduler'],
    ['yarn.resourcemanager.recovery.enabled', 'false'],
    // The RM keeps node attributes in /tmp/hadoop-yarn-<user> by default: outside the data folder, and shared
    // by every local YARN of the same user.
    ['yarn.node-attribute.fs-store.root-dir', `file://${dataDir}/node-attribute`],
    ['yarn.nodemanager.hostname', host],
    ['yarn.nodemanager.address', at(ports.nmRpc)],
    ['yarn.nodemanager.localizer.address', at(ports.nmLocalizer)],
    ['yarn.nodemanager.webapp.address', at(ports.nmWeb)],
    ['yarn.nodemanager.resource.memory-mb', String(input.nodeManagerMemoryMb)],
    ['yarn.nodemanager.resource.cpu-vcores', String(input.nodeManagerVcores)],
    ['yarn.scheduler.maximum-allocation-mb', String(input.nodeManagerMemoryMb)],
    ['yarn.scheduler.maximum-allocation-vcores', String(input.nodeManagerVcores)],
    ['yarn.nodemanager.local-dirs', `${dataDir}/nm-local`],
    ['yarn.nodemanager.log-dirs', `${dataDir}/nm-logs`],
    ['yarn.nodemanager.recovery.enabled', 'false'],
    // JVMs reserve far more virtual memory than they use; the check would kill every Flink container.
    ['yarn.nodemanager.vmem-check-enabled', 'false'],
    // A nearly full developer disk must not mark the only node UNHEALTHY (it would never turn RUNNING).
    ['yarn.nodemanager.disk-health-checker.max-disk-utilization-per-disk-percentage', '99.5'],
    // What a container gets from the node: only this conf folder, so a Flink JobManager in a container
    // finds yarn-site.xml (the RM's scheduler address) first; Flink ships its own jars and Hadoop's client.
    ['yarn.application.classpath', `${dataDir}/conf`],
    ['yarn.timeline-service.enabled', 'false'],
    ['yarn.log-aggregation-enable', 'false'],
  ];
}

export function coreSiteEntries(input: Pick<YarnConfigInput, 'dataDir'>): Array<[string, string]> {
  return [
    // No HDFS: staging and checkpoints live on the local file system.
    ['fs.defaultFS', 'file:///'],
    ['hadoop.tmp.dir', `${input.dataDir}/hadoop-tmp`],
    ['hadoop.security.authentication', 'simple'],
  ];
}

function xmlEscape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A Hadoop `*-site.xml` file. */
export function renderHadoopXml(entries: Array<[string, string]>): string {
  const props = entries.map(
    ([name, value]) => `  <property><name>${xmlEscape(name)}</name><value>${xmlEscape(value)}</value></property>`,
  );
  return ['<?xml version="1.0"?>', '<configuration>', ...props, '</configuration>', ''].join('\n');
}

/** log4j 1 (reload4j) configuration: each daemon writes `${yarn.log.file}` in the log folder. */
export function renderYarnLog4jProperties(): string {
  return [
    'log4j.rootLogger=INFO, file',
    'log4j.appender.file=org.apache.log4j.FileAppender',
    'log4j.appender.file.File=${yarn.log.file}',
    'log4j.appender.file.layout=org.apache.log4j.PatternLayout',
    'log4j.appender.file.layout.ConversionPattern=%d{ISO8601} %-5p %c{2} - %m%n',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------- readiness from the RM's REST answers

export interface YarnReadiness {
  ready: boolean;
  /** Why not yet (or what is up), for the timeout error. */
  detail: string;
}

interface ClusterInfoBody { clusterInfo?: { state?: string } }
interface NodesBody { nodes?: { node?: Array<{ state?: string; nodeHostName?: string; totalResource?: { memory?: number; vCores?: number } }> } | null }

/**
 * The pair is ready when `/ws/v1/cluster/info` says STARTED and `/ws/v1/cluster/nodes` lists a RUNNING
 * node offering the configured memory (a node that registered with less would starve Flink's containers).
 */
export function judgeYarnReadiness(clusterInfo: unknown, nodes: unknown, expectedMemoryMb: number): YarnReadiness {
  const state = (clusterInfo as ClusterInfoBody | null)?.clusterInfo?.state;
  if (state !== 'STARTED') return { ready: false, detail: `ResourceManager state is ${state ?? 'unknown'}, not STARTED` };
  const list = (nodes as NodesBody | null)?.nodes?.node ?? [];
  if (list.length === 0) return { ready: false, detail: 'ResourceManager is STARTED but no NodeManager has registered' };
  const running = list.find((n) => n.state === 'RUNNING');
  if (!running) {
    return { ready: false, detail: `no NodeManager is RUNNING (states: ${list.map((n) => n.state ?? '?').join(', ')})` };
  }
  const memory = running.totalResource?.memory;
  if (memory !== expectedMemoryMb) {
    return { ready: false, detail: `NodeManager ${running.nodeHostName ?? ''} is RUNNING with ${memory ?? '?'} MB, expected ${expectedMemoryMb} MB` };
  }
  return { ready: true, detail: `NodeManager ${running.nodeHostName ?? ''} RUNNING with ${memory} MB / ${running.totalResource?.vCores ?? '?'} vcores` };
}
