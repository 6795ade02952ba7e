export {
  ensureFlinkDistribution,
  defaultCacheDir,
  type FlinkDistribution,
  type EnsureDistributionOptions,
} from './distribution.js';
export { startLocalFlink, isPortFree, type LocalFlinkOptions, type LocalFlinkCluster } from './cluster.js';
export {
  DEFAULT_FLINK_VERSION,
  FLINK_TEST_VERSIONS,
  flinkVersionProfile,
  type FlinkVersionProfile,
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
