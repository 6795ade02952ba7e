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
export { ensureYarnDistribution, defaultYarnCacheDir, type YarnDistribution } from './yarn-distribution.js';
export { readState as readLocalYarnState, startLocalYarn, stopLocalYarnFromState, type LocalYarn, type LocalYarnOptions, type LocalYarnState } from './yarn.js';
export { DEFAULT_HADOOP_VERSION, judgeYarnReadiness, type YarnPorts } from './yarn-config.js';
export {
  ensureFlinkYarnDistribution, defaultFlinkYarnCacheDir, DEFAULT_FLINK_YARN_VERSION, FLINK_YARN_VERSIONS,
  type FlinkYarnDistribution,
} from './flink-yarn-distribution.js';
export { ensurePushListenerJar, pushListenerConfig, PUSH_LISTENER_FACTORY, type PushTarget } from './push-listener.js';
export { decodeSqlRunnerArgs, encodeSqlRunnerArgs, ensureSqlRunnerJar, SQL_RUNNER_FAILURE_MARKER, SQL_RUNNER_MAIN_CLASS } from './sql-runner.js';
