// Version 1 (shipped): the change log and the projection's record stores. Never edit a
// shipped migration; add the next version in its own file (one migration per file, never edited once shipped). Steps use the
// raw IndexedDB API: they describe old schemas that the typed schema no longer matches.
export function upgradeToV1(db: IDBDatabase): void {
	if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
	if (!db.objectStoreNames.contains('changes')) {
		const changes = db.createObjectStore('changes', { keyPath: 'id' });
		// The clock text ends with the device id, so it orders the log as S5 does.
		changes.createIndex('byClock', 'clock');
	}
	for (const name of ['accounts', 'licenses', 'sites', 'mail']) {
		if (!db.objectStoreNames.contains(name)) db.createObjectStore(name, { keyPath: 'id' });
	}
}
