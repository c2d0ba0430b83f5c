// A whole-history backup written by the app's own code, in node, for the restore test (S3,
// issue #9 fault 1): the demo organization (real password hashes, so the file must be
// encrypted and a demo person can log in after the restore) and then the benchmark workload up
// to `total` changes, committed on one device and exported whole with a passphrase. PBKDF2 runs
// at the least the reader accepts, to keep the test about size, not key derivation.
import { writeFile } from 'node:fs/promises';
import { createContext } from '$lib/app/context';
import { loadDemo } from '$lib/app/demo';
import { MemoryStore } from '$lib/store/memory-store';
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
	const drafts = workload(total - demo.changes);
	for (let i = 0; i < drafts.length; i += 10_000) {
		const results = await store.commitMany(drafts.slice(i, i + 10_000), Date.now());
		if (results.some((r) => !r.ok)) throw new Error('a workload change was refused');
	}
	const changes = await store.changes();
	const built = await buildSyncFile({
		device: store.device,
		exportedAt: Date.now(),
		kind: 'full',
		changes,
		passphrase,
		iterations: KDF_ITERATIONS.min
	});
	if (!built.ok) throw new Error(`export refused: ${JSON.stringify(built.error)}`);
	await writeFile(path, built.file.text);
	return { changes: changes.length, bytes: Buffer.byteLength(built.file.text) };
}
