// The server's LineageResult (server/src/lineage/lineage.schemas.ts), as the web reads it.
// Replace with the @weir/contract export once the lineage schema moves into the shared contract.
export interface LineageColumn {
  name: string;
  type: string | null;
  computed?: string;
  metadata?: boolean;
}

export interface LineageTable {
  id: string;
  name: string;
  kind: 'source' | 'sink' | 'view' | 'both';
  connector: string | null;
  columns: LineageColumn[];
}

export interface LineageColumnEdge {
  from: { table: string; column: string };
  to: { table: string; column: string };
  transform: string;
  statementIndex: number;
  via: string[];
}

export interface LineageProblem {
  message: string;
  line: number;
  column: number;
}

export interface LineageResult {
  tables: LineageTable[];
  columnEdges: LineageColumnEdge[];
  tableEdges: { from: string; to: string }[];
  statements: { index: number; kind: string; line: number; sinks: string[] }[];
  warnings: LineageProblem[];
  errors: LineageProblem[];
}
