// Version 3 (X6): what authenticity needs beside the log.
// - `keys`: this device's Ed25519 key pair (a non-extractable CryptoKey and its public key
//   text), made the first time the store opens; it signs this device's chain heads.
// - `signatures`: every head signature this device made or received, keyed by the head's
//   change id, so a file it writes carries a signature for each run of changes it holds.
// - `held`: changes from files that could not be shown to come from their actor: kept apart
//   (not in the log) with the reason and the evidence, and checked again at each import.
export function upgradeToV3(db: IDBDatabase): void {
	if (!db.objectStoreNames.contains('keys')) db.createObjectStore('keys');
	if (!db.objectStoreNames.contains('signatures')) {
		db.createObjectStore('signatures', { keyPath: 'changeId' });
	}
	if (!db.objectStoreNames.contains('held')) db.createObjectStore('held', { keyPath: 'change.id' });
}
