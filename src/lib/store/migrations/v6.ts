// Version 6: the change log and the mail are stored as coarse records. IndexedDB's cost is per
// request, not per byte: one record per change (and per mail) made writes several times
// slower than the same bytes in records of a thousand (docs/architecture.md, Storage).
// - `log`: out-of-line autoIncrement keys; each record holds the changes one write appended,
//   in clock order, at most 1,000 of them: `{ changes, last }`, `last` being the greatest
//   clock in it. The index `byLast` finds the records that may hold changes after a clock.
// - `mailPages`: out-of-line autoIncrement keys; each record `{ mails }` holds the mails one
//   write put (mail is only ever put); reading them in key order, a later put of an id wins.
// The step moves every change of `changes` (in clock order) and every mail of `mail` into the
// new stores and deletes the old ones, inside the upgrade transaction: if anything fails the
// database stays at version 5.
const CHUNK = 1_000;

export function upgradeToV6(db: IDBDatabase, tx: IDBTransaction): void {
	if (!db.objectStoreNames.contains('log')) {
		db.createObjectStore('log', { autoIncrement: true }).createIndex('byLast', 'last');
	}
	if (!db.objectStoreNames.contains('mailPages')) {
		db.createObjectStore('mailPages', { autoIncrement: true });
	}
	if (db.objectStoreNames.contains('changes')) {
		const read = tx.objectStore('changes').index('byClock').getAll();
		read.onsuccess = () => {
			const changes: unknown[] = read.result;
			const log = tx.objectStore('log');
			for (let i = 0; i < changes.length; i += CHUNK) {
				const part = changes.slice(i, i + CHUNK);
				log.add({ changes: part, last: clockOf(part.at(-1)) });
			}
			db.deleteObjectStore('changes');
		};
	}
	if (db.objectStoreNames.contains('mail')) {
		const read = tx.objectStore('mail').getAll();
		read.onsuccess = () => {
			const mails: unknown[] = read.result;
			const pages = tx.objectStore('mailPages');
			for (let i = 0; i < mails.length; i += CHUNK) pages.add({ mails: mails.slice(i, i + CHUNK) });
			db.deleteObjectStore('mail');
		};
	}
}

/** The clock text of a stored change (the old index ordered by it, so it is there). */
function clockOf(change: unknown): string {
	if (typeof change === 'object' && change !== null && 'clock' in change) {
		if (typeof change.clock === 'string') return change.clock;
	}
	return '';
}
