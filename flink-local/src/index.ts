export {
  ensureFlinkDistribution,
  defaultCacheDir,
  type FlinkDistribution,
  type EnsureDistributionOptions,
} from './distribution.js';
export { startLocalFlink, isPortFree, type LocalFlinkOptions, type LocalFlinkCluster } from './cluster.js';
export {
  FLINK_VERSION,
  JAVA17_OPTS,
  MAIN_CLASSES,
  clusterConfigEntries,
  renderConfigYaml,
  renderLog4jProperties,
  renderZooKeeperConfig,
  parseResourceParams,
  type ResourceParams,
  type ClusterConfigInput,
} from './config.js';
