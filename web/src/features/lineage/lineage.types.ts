// The lineage shapes the server serves, from the shared contract (one definition for both sides).
export type { LineageColumn, LineageColumnEdge, LineageProblem, LineageResult, LineageTable } from '@weir/contract';
