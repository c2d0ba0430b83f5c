// P3 "Reset": deletes Tessera's whole IndexedDB database (change log, projection, conflicts,
// device id) on this device. It closes nothing itself: deleting fires `versionchange` on every
// open connection, each store closes its own (db.ts `blocking`), and the deletion then goes
// ahead. The caller reloads the page afterwards so nothing keeps the old state in memory.
import { DB_NAME } from './db';
import { StoreError, toStoreError } from './errors';

export function resetDatabase(name: string = DB_NAME): Promise<void> {
	if (typeof indexedDB === 'undefined') {
		return Promise.reject(
			new StoreError('unavailable', 'This browser does not offer IndexedDB storage.')
		);
	}
	return new Promise((resolve, reject) => {
		const request = indexedDB.deleteDatabase(name);
		request.onsuccess = () => resolve();
		request.onerror = () => reject(toStoreError(request.error));
		// `blocked` only means some connection has not closed yet; `success` follows once it has.
	});
}
