// The lineage shapes live in the shared contract; re-exported here so the analyser and its tests
// keep importing them from beside the code.
export {
  LineageColumn,
  LineageColumnEdge,
  LineageColumnRef,
  LineageProblem,
  LineageResult,
  LineageStatement,
  LineageStatementKind,
  LineageTable,
  LineageTableEdge,
  LineageTableKind,
} from '@weir/contract';
