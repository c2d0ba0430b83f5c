// Version 2: conflicts get their own store (S5/S6: a change refused at replay is kept, listed
// with its reason and can be dismissed), keyed by the change id.
export function upgradeToV2(db: IDBDatabase): void {
	if (!db.objectStoreNames.contains('conflicts')) {
		db.createObjectStore('conflicts', { keyPath: 'change.id' });
	}
}
