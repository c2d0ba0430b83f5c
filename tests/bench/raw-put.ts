// The floor the store benchmarks compare against: a raw IndexedDB put of the same change
// records (and, optionally, the mails they sent) in one transaction, with no library between.
export async function rawPutFloor(
	records: readonly object[],
	mail: readonly object[] = []
): Promise<number> {
	const name = `bench-raw-${records.length}-${performance.now()}`;
	const db = await new Promise<IDBDatabase>((resolve, reject) => {
		const request = indexedDB.open(name, 1);
		request.onupgradeneeded = () => {
			request.result.createObjectStore('changes', { keyPath: 'id' });
			request.result.createObjectStore('mail', { keyPath: 'id' });
		};
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error ?? new Error('open failed'));
	});
	const started = performance.now();
	await new Promise<void>((resolve, reject) => {
		const tx = db.transaction(['changes', 'mail'], 'readwrite');
		const changes = tx.objectStore('changes');
		for (const record of records) changes.put(record);
		const mailStore = tx.objectStore('mail');
		for (const record of mail) mailStore.put(record);
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error ?? new Error('put failed'));
	});
	const ms = performance.now() - started;
	db.close();
	indexedDB.deleteDatabase(name);
	return ms;
}
