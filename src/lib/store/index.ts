// The store's public face. Only this folder imports idb (storage behind one interface).
export type * from './types';
export { IdbStore } from './idb-store';
export { MemoryStore } from './memory-store';
export { StoreError } from './errors';
export type { StoreErrorCode } from './errors';
export { DB_NAME } from './db';
export { DB_VERSION } from './migrations';
export { newId } from './device';
