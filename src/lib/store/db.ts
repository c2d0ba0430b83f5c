// Opens Tessera's IndexedDB database and runs the upgrade steps (S8). The only place that
// opens it. Tests install a fresh fake-indexeddb factory as `globalThis.indexedDB`.
import { openDB, unwrap } from 'idb';
import type { DBSchema, IDBPDatabase } from 'idb';
import type { Account, Change, License, Mail, Organization, Site, SupportAccount } from '$lib/core';
import { StoreError, toStoreError } from './errors';
import { DB_VERSION, runMigrations } from './migrations';
import type { HeadSignature } from '$lib/log/evidence';
import type { ConflictRecord } from './types';

export const DB_NAME = 'tessera';

/** The current schema (DB_VERSION). Older shapes live only in migrations/. */
export interface TesseraSchema extends DBSchema {
	meta: { key: string; value: unknown };
	/** The change log in coarse records (version 6): see LogRecord. */
	log: {
		key: number;
		value: LogRecord;
		indexes: { byLast: string };
	};
	accounts: { key: string; value: Account };
	licenses: { key: string; value: License };
	sites: { key: string; value: Site };
	/** Mail in coarse records (version 6): see MailPage. */
	mailPages: { key: number; value: MailPage };
	/** O1: organizations, their admins and domains (version 4). */
	organizations: { key: string; value: Organization };
	/** A10: the simulated support system's accounts (version 5). */
	supportAccounts: { key: string; value: SupportAccount };
	conflicts: { key: string; value: ConflictRecord };
	/** X6: this device's key pair, under the key 'device'. */
	keys: { key: string; value: unknown };
	/** X6: head signatures made here or received, by head change id. */
	signatures: { key: string; value: HeadSignature };
	/** X6: changes held apart as unverified (not in the log), by change id. */
	held: { key: string; value: ConflictRecord };
}

/**
 * The changes one write transaction appended to the log, in replay order (S5), at most
 * LOG_CHUNK of them; `last` is the greatest clock among them. Keys grow with each write.
 */
export interface LogRecord {
	readonly changes: readonly Change[];
	readonly last: string;
}

/** The mails one write transaction put (at most LOG_CHUNK); a later page's copy of an id wins. */
export interface MailPage {
	readonly mails: readonly Mail[];
}

/** The most changes (or mails) one log record (or mail page) holds. */
export const LOG_CHUNK = 1_000;

export type TesseraDb = IDBPDatabase<TesseraSchema>;

export interface OpenOptions {
	readonly name?: string;
	/** Another tab opened a newer version: this connection has been closed. */
	readonly onVersionChange?: () => void;
}

export async function openDatabase(options: OpenOptions = {}): Promise<TesseraDb> {
	if (typeof indexedDB === 'undefined') {
		throw new StoreError('unavailable', 'This browser does not offer IndexedDB storage.');
	}
	try {
		const db = await openDB<TesseraSchema>(options.name ?? DB_NAME, DB_VERSION, {
			upgrade(database, oldVersion, newVersion, tx) {
				runMigrations(unwrap(database), unwrap(tx), oldVersion, newVersion ?? DB_VERSION);
			},
			blocking() {
				// A newer version wants the database: let it have it, and say so.
				db.close();
				options.onVersionChange?.();
			}
		});
		return db;
	} catch (error) {
		if (error instanceof DOMException && error.name === 'VersionError') {
			throw new StoreError(
				'version-changed',
				'A newer version of Tessera has opened this data. Reload the page to use it.',
				{ cause: error }
			);
		}
		throw toStoreError(error);
	}
}
