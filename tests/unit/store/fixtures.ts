// Store fixtures (tests/fixtures/store/vN.json): loading one, and writing it into a database
// made by the upgrade steps of its own version only, as the app of that version left it (S8).
import { readFileSync } from 'node:fs';
import { openDB, unwrap } from 'idb';
import { DB_NAME } from '$lib/store';
import { MIGRATIONS } from '$lib/store/migrations';

export interface Fixture {
	readonly version: number;
	readonly stores: Record<string, unknown[]>;
}

export function loadFixture(version: number): Fixture {
	const text = readFileSync(`tests/fixtures/store/v${version}.json`, 'utf8');
	const parsed: unknown = JSON.parse(text);
	if (typeof parsed !== 'object' || parsed === null || !('stores' in parsed)) {
		throw new Error(`fixture v${version} is malformed`);
	}
	const stores = parsed.stores;
	if (typeof stores !== 'object' || stores === null) throw new Error('no stores');
	return { version, stores: Object.fromEntries(Object.entries(stores)) };
}

/** Writes a fixture into a database created by the upgrade steps of its own version only. */
export async function installFixture(fixture: Fixture): Promise<void> {
	const db = await openDB(DB_NAME, fixture.version, {
		upgrade(database, oldVersion, _newVersion, tx) {
			for (let v = oldVersion; v < fixture.version; v++) {
				MIGRATIONS[v]?.(unwrap(database), unwrap(tx));
			}
		}
	});
	const names = Object.keys(fixture.stores);
	const tx = db.transaction(names, 'readwrite');
	for (const [name, rows] of Object.entries(fixture.stores)) {
		const store = tx.objectStore(name);
		for (const row of rows) {
			if (name === 'meta' && Array.isArray(row)) await store.put(row[1], String(row[0]));
			else await store.put(row);
		}
	}
	await tx.done;
	db.close();
}
