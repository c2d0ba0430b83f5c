// The cost of X6 on a big import: 100k changes from eight devices, each device enrolled (one
// device.enroll per device, signed by an account key) and each run of its changes signed at
// its head, read (1) with every signature checked against known device keys, and (2) as the
// same changes without enrollments or signatures (nothing to verify). Then the pure
// classification of all 100k changes, and the store's import with and without the proof.
import { accountId, changeId, deviceId, stateFromRecords } from '$lib/core';
import type { Change } from '$lib/core';
import { enrollStatement, headStatement, newSigningKeyPair, sign } from '$lib/security/signing';
import type { SigningKeyPair } from '$lib/security/signing';
import { MemoryStore } from '$lib/store';
import { classify, pair } from '$lib/log/authenticity';
import { readSyncFile } from '$lib/sync/read';
import { buildSyncFile } from '$lib/sync/write';
import { NOW, T0, sample } from '../unit/sync/helpers';
import { DEVICES, EXPORTER, chained } from './chained';

const COUNT = 100_000;
const ACCOUNT = accountId('a-alice');

const ms = (start: number) => performance.now() - start;

async function enrollment(
	device: string,
	key: SigningKeyPair,
	account: SigningKeyPair
): Promise<Change> {
	const at = T0 - 1000;
	return {
		id: changeId(`enroll-${device}`),
		device: deviceId(device),
		clock: `${new Date(at).toISOString()}-0000-${device}`,
		at,
		actor: ACCOUNT,
		prev: null,
		type: 'device.enroll',
		payload: {
			accountId: ACCOUNT,
			devicePublicKey: key.publicKey,
			accountPublicKey: account.publicKey,
			signature: await sign(account.privateKey, enrollStatement(ACCOUNT, device, key.publicKey))
		}
	};
}

export default async function syncVerifyBench({ log }: { log: (line: string) => void }) {
	const account = await newSigningKeyPair(false);
	const keys = new Map<string, SigningKeyPair>();
	for (const d of DEVICES) keys.set(d, await newSigningKeyPair(false));
	// The bulk is ordinary changes: `sample` also makes enrollments (with keys of its own), which
	// here come only from `enrollment` below, one per device.
	const raw: Change[] = [];
	for (let n = 0; raw.length < COUNT; n++) {
		const change = sample(DEVICES[raw.length % 8] ?? EXPORTER, n);
		if (change.type !== 'device.enroll') raw.push(change);
	}
	const enrollments = await Promise.all(
		DEVICES.map((d) => {
			const key = keys.get(d);
			if (!key) throw new Error('no key');
			return enrollment(d, key, account);
		})
	);
	const signedChanges = chained([...enrollments, ...raw]);
	const plainChanges = chained(raw);
	const known = new Map([...keys].map(([d, k]) => [d, k.publicKey]));

	const build = async (changes: readonly Change[], signed: boolean) => {
		const built = await buildSyncFile({
			device: EXPORTER,
			exportedAt: T0,
			kind: 'full',
			changes,
			...(signed
				? {
						sign: (heads) =>
							Promise.all(
								heads.map(async (h) => {
									const key = keys.get(h.device);
									if (!key) throw new Error('no key');
									const statement = headStatement(h.device, h.changeId, h.hash);
									return { ...h, signature: await sign(key.privateKey, statement) };
								})
							)
					}
				: {})
		});
		if (!built.ok) throw new Error(`build refused: ${built.error.code}`);
		return built.file.text;
	};
	const signedText = await build(signedChanges, true);
	const plainText = await build(plainChanges, false);

	/** Reads a file; the X6 step is what runs after progress 0.95 (read.ts). */
	const read = async (text: string) => {
		let at95 = 0;
		const start = performance.now();
		const result = await readSyncFile(text, {
			now: NOW,
			deviceKeys: known,
			onProgress: (f) => {
				if (f >= 0.95 && at95 === 0) at95 = performance.now();
			}
		});
		const end = performance.now();
		if (!result.ok) throw new Error(`read refused: ${JSON.stringify(result.error)}`);
		return { total: end - start, x6: end - at95, result };
	};
	await read(await build(signedChanges.slice(0, 2_000), true)); // warm up
	// Interleaved, best of three each: the floor (nothing to verify) is measured in the same
	// run, turn about with the signed file, so a busy machine slows both alike.
	let signed = await read(signedText);
	let plain = await read(plainText);
	for (let i = 0; i < 2; i++) {
		const s = await read(signedText);
		if (s.total < signed.total) signed = s;
		const p = await read(plainText);
		if (p.total < plain.total) plain = p;
	}
	log(`${COUNT.toLocaleString('en')} changes from ${DEVICES.length} devices`);
	log(
		`read, every signature checked (8 heads + 8 enrollments): ${signed.total.toFixed(0)} ms, of which X6 ${signed.x6.toFixed(0)} ms`
	);
	log(
		`read, nothing to verify (same changes, no signatures):   ${plain.total.toFixed(0)} ms, of which X6 ${plain.x6.toFixed(0)} ms`
	);
	log(`ratio signed / unsigned read: ${(signed.total / plain.total).toFixed(2)}×`);

	// The classification alone, all 100k changes proved by the projection's enrollments.
	if (!signed.result.ok) return;
	const file = signed.result.file;
	const enrolled = new Set<string>();
	for (const c of file.changes) if (c.actor !== null) enrolled.add(pair(c.device, c.actor));
	const projection = {
		accountKeys: new Map([[ACCOUNT, [account.publicKey]]]),
		enrolled,
		accounts: new Set<string>()
	};
	let start = performance.now();
	const verdicts = classify(file.changes, (id) => file.evidence.byChange.get(id), projection);
	const classifyMs = ms(start);
	const proved = [...verdicts.values()].filter((v) => v.kind === 'proved').length;
	log(`classify ${COUNT / 1000}k changes: ${classifyMs.toFixed(0)} ms (${proved} proved)`);

	// The store's import (MemoryStore): plan + merge, without and with the X6 step, on a
	// projection where Alice (every actor here) has the account key that enrolled the devices.
	const genesis = new MemoryStore('eeeeeeeeeeeeeeee');
	await genesis.commit(
		{
			id: changeId('genesis'),
			actor: null,
			type: 'account.create',
			payload: {
				accountId: ACCOUNT,
				email: 'alice@acme.com',
				name: 'Alice',
				mode: 'signup',
				source: 'password'
			}
		},
		T0 - 10_000
	);
	const base = stateFromRecords({
		accounts: [...genesis.state.accounts.values()].map((a) => ({
			...a,
			signingKeys: [account.publicKey]
		})),
		licenses: [],
		sites: [],
		mail: []
	});
	const proof = { evidence: file.evidence, trust: false };
	// Interleaved again: without the X6 step (the floor), then with it, three times each.
	let importMs = Infinity;
	let provedMs = Infinity;
	for (let i = 0; i < 3; i++) {
		const plainStore = new MemoryStore('ffffffffffffffff', { base });
		start = performance.now();
		await plainStore.importChanges(file.changes);
		importMs = Math.min(importMs, ms(start));
		const provedStore = new MemoryStore('ffffffffffffffff', { base });
		start = performance.now();
		const outcome = await provedStore.importChanges(file.changes, undefined, { proof });
		provedMs = Math.min(provedMs, ms(start));
		if (!outcome.ok || outcome.value.unverified.length > 0) throw new Error('not all proved');
	}
	log(
		`store import (MemoryStore), best of 3: ${importMs.toFixed(0)} ms without the X6 step, ${provedMs.toFixed(0)} ms with it (ratio ${(provedMs / importMs).toFixed(2)}×)`
	);
}
