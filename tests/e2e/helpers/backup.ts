// A whole-history backup written by the app's own code, in node, for the restore test (S3,
// issue #9 fault 1): the demo organization (real password hashes, so the file must be
// encrypted and a demo person can log in after the restore) committed on one device, then the
// benchmark workload up to `total` changes stamped after it by the store's own `stamp` (clock,
// time and X5 link), and the whole exported with a passphrase and signed like the app's export
// (X6), so every change in it is proved. The workload's drafts are all
// accepted by the rules (bench/workload.ts), so they are not applied here: the restore applies
// them for real. PBKDF2 runs at the least the reader accepts: the test is about size.
import { writeFile } from 'node:fs/promises';
import { createContext } from '$lib/app/context';
import { signaturesFor } from '$lib/app/sync';
import { enrollDraft, newAccountKey } from '$lib/app/accounts/keys';
import { loadDemo } from '$lib/app/demo';
import type { AppContext } from '$lib/app/context';
import type { Change } from '$lib/core';
import { deriveVaultKey, hashPassword } from '$lib/security';
import type { ChangeDraft } from '$lib/store/types';
import { changeHash } from '$lib/log/digest';
import { MemoryStore } from '$lib/store/memory-store';
import { parseClock } from '$lib/log/clock';
import type { ClockState } from '$lib/log/clock';
import { stamp } from '$lib/store/stamp';
import { KDF_ITERATIONS } from '$lib/sync/format';
import { buildSyncFile } from '$lib/sync/write';
import { workload } from '../../bench/workload';

export interface Backup {
	readonly changes: number;
	readonly bytes: number;
}

export async function writeBackup(
	path: string,
	total: number,
	passphrase: string
): Promise<Backup> {
	const store = new MemoryStore('0123456789abcdef');
	const ctx = createContext(store);
	const demo = await loadDemo(ctx, {});
	if (demo.kind !== 'loaded') throw new Error(`demo: ${demo.kind}`);
	const changes: Change[] = await store.changes();
	const last = changes.at(-1);
	if (last === undefined) throw new Error('no demo changes');
	let clock: ClockState = parseClock(last.clock);
	let head = { hash: changeHash(last), clock: last.clock };
	const now = Date.now();
	for (const draft of await enrolled(ctx, workload(total - changes.length))) {
		const stamped = stamp(draft, store.device, { clock, head }, now);
		changes.push(stamped.change);
		clock = stamped.clock;
		head = { hash: changeHash(stamped.change), clock: stamped.change.clock };
	}
	const built = await buildSyncFile({
		device: store.device,
		exportedAt: Date.now(),
		kind: 'full',
		changes,
		passphrase,
		iterations: KDF_ITERATIONS.min,
		// X6: signed at each head by this device's key, as the app's own export signs.
		sign: (heads) => signaturesFor(store, heads)
	});
	if (!built.ok) throw new Error(`export refused: ${JSON.stringify(built.error)}`);
	await writeFile(path, built.file.text);
	return { changes: changes.length, bytes: Buffer.byteLength(built.file.text) };
}

/**
 * X6: each person the workload signs up gets an account key and enrolls this device, as a
 * sign-up in the app does, so their changes are proved on the device that restores them. The
 * enrollments take the place of workload drafts: the total stays the same.
 */
const WORKLOAD_PASSWORD = 'workload password';

async function enrolled(ctx: AppContext, drafts: readonly ChangeDraft[]): Promise<ChangeDraft[]> {
	// One password for every workload person: one hash and one vault key (full cost, 600,000).
	const [passwordHash, vaultKey] = await Promise.all([
		hashPassword(WORKLOAD_PASSWORD),
		deriveVaultKey(WORKLOAD_PASSWORD)
	]);
	const out: ChangeDraft[] = [];
	for (const draft of drafts) {
		if (out.length >= drafts.length) break;
		if (draft.type !== 'account.create') {
			out.push(draft);
			continue;
		}
		const keys = await newAccountKey(vaultKey);
		const created = {
			...draft,
			payload: { ...draft.payload, passwordHash, signingKey: keys.publicKey, vault: keys.vault }
		};
		out.push(created);
		const id = draft.payload.accountId;
		out.push(await enrollDraft(ctx, id, keys.privateKey, keys.publicKey));
	}
	return out.slice(0, drafts.length);
}
