// X6 test world: people with real Ed25519 account keys, devices (MemoryStores, each with its
// own device key) that start from the same projection — the accounts with their keys, as an
// earlier history would have left them — enroll for accounts by signed changes, and swap
// files through the app's own export and import.
import { expect } from 'vitest';
import { accountId, changeId, licenseId, stateFromRecords } from '$lib/core';
import type { AccountId, ChangeId, State } from '$lib/core';
import { createContext } from '$lib/app/context';
import type { AppContext } from '$lib/app/context';
import { applyImport, checkImportFile, exportChanges } from '$lib/app/sync';
import type { ApplyReport, ImportCheck } from '$lib/app/sync';
import { enrollStatement, newSigningKeyPair, sign } from '$lib/security/signing';
import { decryptEnvelope } from '$lib/sync/crypto';
import { EncryptedFileSchema } from '$lib/sync/format';
import type { SigningKeyPair } from '$lib/security/signing';
import { MemoryStore } from '$lib/store';
import type { ChangeDraft } from '$lib/store';
import { addDraft, licenseDraft, signupDraft } from '../store/helpers';

export const T = 1_800_000_000_000;
export const LIC = licenseId('lic-x6');

export interface Person {
	readonly id: AccountId;
	readonly email: string;
	readonly key: SigningKeyPair;
}

export interface Device {
	readonly store: MemoryStore;
	readonly ctx: AppContext;
	/** The time of this device's next change. */
	tick(): number;
}

export async function person(name: string): Promise<Person> {
	return {
		id: accountId(`a-${name}`),
		email: `${name}@acme.com`,
		key: await newSigningKeyPair(false)
	};
}

/**
 * The projection every device starts from: the people's accounts with their keys, and a
 * license whose billing contacts are `owner` (primary) and `second`.
 */
export async function baseState(
	people: readonly Person[],
	owner: Person,
	second: Person
): Promise<State> {
	const genesis = new MemoryStore('0000000000000000');
	let at = T - 1_000_000;
	for (const p of people) {
		const draft = { ...signupDraft(p.id, p.email, p.id), id: changeId(`genesis-${p.id}`) };
		await genesis.commit(draft, at++);
	}
	await genesis.commit({ ...licenseDraft(owner.id, LIC, 'SEN-6000001'), id: cid('g-lic') }, at++);
	await genesis.commit({ ...addDraft(owner.id, LIC, second.email), id: cid('g-add') }, at);
	const keys = new Map<string, string>(people.map((p) => [p.id, p.key.publicKey]));
	const s = genesis.state;
	return stateFromRecords({
		accounts: [...s.accounts.values()].map((a) => {
			const key = keys.get(a.id);
			return key === undefined ? a : { ...a, signingKeys: [key] };
		}),
		licenses: s.licenses.values(),
		sites: s.sites.values(),
		mail: s.mail.values()
	});
}

let ids = 0;
export const cid = (label: string): ChangeId => changeId(`${label}-${++ids}`);

export function device(hex: string, base: State, start = T): Device {
	const store = new MemoryStore(hex.repeat(16 / hex.length), { base });
	let now = start;
	return { store, ctx: createContext(store, () => now), tick: () => (now += 1000) };
}

/** The device.enroll change a log in would commit: signed by the person's account key. */
export async function enrollDraft(
	d: Device,
	p: Person,
	accountKey: SigningKeyPair = p.key
): Promise<ChangeDraft> {
	const devicePublicKey = await d.store.deviceKey();
	const statement = enrollStatement(p.id, d.store.device, devicePublicKey);
	return {
		id: cid('enroll'),
		actor: p.id,
		type: 'device.enroll',
		payload: {
			accountId: p.id,
			devicePublicKey,
			accountPublicKey: accountKey.publicKey,
			signature: await sign(accountKey.privateKey, statement)
		}
	};
}

export async function commit(d: Device, draft: ChangeDraft): Promise<void> {
	const result = await d.store.commit(draft, d.tick());
	if (!result.ok) expect.fail(`${draft.type} refused: ${JSON.stringify(result.error)}`);
}

export async function enroll(d: Device, p: Person): Promise<void> {
	await commit(d, await enrollDraft(d, p));
}

/** The device's file: its queue (marked exported), or its whole history. */
export async function exported(d: Device, whole = false): Promise<string> {
	const report = await exportChanges(d.ctx, { whole });
	if (report.kind !== 'built') return expect.fail(`export: ${report.kind}`);
	if (!whole && report.lastClock !== null) await d.store.markExported(report.lastClock);
	return report.file.text;
}

/**
 * The device's queue as a PLAIN file even when it carries secrets, as someone writing the
 * file by hand could: exported encrypted, then opened.
 */
export async function exportedPlain(d: Device): Promise<string> {
	const passphrase = 'correct horse battery staple';
	const report = await exportChanges(d.ctx, { whole: false, passphrase, iterations: 100_000 });
	if (report.kind !== 'built') return expect.fail(`export: ${report.kind}`);
	const envelope = EncryptedFileSchema.parse(JSON.parse(report.file.text));
	const plain = await decryptEnvelope(envelope, passphrase);
	return plain.ok ? plain.value : expect.fail(plain.error.code);
}

export interface Imported {
	readonly check: Extract<ImportCheck, { kind: 'ready' }>;
	readonly report: ApplyReport;
}

/** The Sync page's import: check (preview), then apply, trusting the file when told to. */
export async function imported(d: Device, text: string, trust = false): Promise<Imported> {
	const check = await checkImportFile(d.ctx, text);
	if (check.kind !== 'ready') return expect.fail(`refused: ${JSON.stringify(check.error)}`);
	return { check, report: await applyImport(d.ctx, check.file, { trust }) };
}
