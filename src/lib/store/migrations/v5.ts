// Version 5 (A10): the simulated support system's accounts get their own record store, keyed
// by support account id. The index by address is derived when the state is read.
export function upgradeToV5(db: IDBDatabase): void {
	if (!db.objectStoreNames.contains('supportAccounts')) {
		db.createObjectStore('supportAccounts', { keyPath: 'id' });
	}
}
