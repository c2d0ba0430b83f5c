// Version 4 (O1): organizations get their own record store, keyed by organization id. The
// verified-domain index (O2) is derived from it when the state is read, never stored.
export function upgradeToV4(db: IDBDatabase): void {
	if (!db.objectStoreNames.contains('organizations')) {
		db.createObjectStore('organizations', { keyPath: 'id' });
	}
}
