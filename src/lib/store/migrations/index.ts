// The upgrade steps in order; step N takes a database at version N-1 to version N. Each is
// idempotent (guarded by objectStoreNames/indexNames) and tested from a fixture of N-1.
import { upgradeToV1 } from './v1';
import { upgradeToV2 } from './v2';
import { upgradeToV3 } from './v3';
import { upgradeToV4 } from './v4';
import { upgradeToV5 } from './v5';
import { upgradeToV6 } from './v6';

type Step = (db: IDBDatabase, tx: IDBTransaction) => void;

export const MIGRATIONS: readonly Step[] = [
	upgradeToV1,
	upgradeToV2,
	upgradeToV3,
	upgradeToV4,
	upgradeToV5,
	upgradeToV6
];
export const DB_VERSION = MIGRATIONS.length;

export function runMigrations(
	db: IDBDatabase,
	tx: IDBTransaction,
	oldVersion: number,
	newVersion: number
): void {
	for (let v = oldVersion; v < newVersion; v++) MIGRATIONS[v]?.(db, tx);
}
