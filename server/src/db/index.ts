export { openDatabase, dialectOf, maskUrl, type Database, type DialectName } from './database.js';
export { migrateToLatest, migrateDown } from './migrations/index.js';
export { newId, idTime } from './ids.js';
export { isUniqueViolation, isForeignKeyViolation } from './errors.js';
export { inTransaction, withTransaction } from './transactions.js';
export { upsert, insertIfAbsent } from './upsert.js';
export { forUpdate, paged, containsIgnoringCase, nullsLast, numberOrNull, type Page, type PageRequest } from './queries.js';
