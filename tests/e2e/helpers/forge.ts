// An insider as attacker (X6, threat model): someone who knows the team passphrase and may
// write to the team's database, but whose device was never enrolled for the person they
// impersonate. In Node, with the product's own code for the team key, the change documents
// and the signatures, they write a run of changes claiming that person's actor straight into
// the server, complete and well-formed: it decrypts under the team key, agrees with its clear
// fields, is linked by hash (X5) and signed over its head by the attacker's device key. Only
// X6 can refuse it: the device is not enrolled for the actor.
import { expect } from '@playwright/test';
import { accountId, changeId, deviceId, licenseId } from '$lib/core';
import type { Change } from '$lib/core';
import { changeDoc, signatureDoc } from '$lib/live/docs';
import { TEAM_DOC_ID, openTeam } from '$lib/live/team';
import { formatClock } from '$lib/log/clock';
import { changeHash } from '$lib/log/digest';
import { randomBytes } from '$lib/security/encoding';
import { enrollStatement, headStatement, newSigningKeyPair, sign } from '$lib/security/signing';
import type { CouchDatabase } from '../fixtures/couch';

const hex = (bytes: number): string =>
	Array.from(randomBytes(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

function auth(db: CouchDatabase): string {
	return `Basic ${Buffer.from(`${db.username}:${db.password}`).toString('base64')}`;
}

/** The team key, as any member with the passphrase derives it from the team document. */
async function teamKey(db: CouchDatabase, passphrase: string): Promise<CryptoKey> {
	const answer = await fetch(`${db.url}/${db.name}/${encodeURIComponent(TEAM_DOC_ID)}`, {
		headers: { authorization: auth(db) }
	});
	expect(answer.status).toBe(200);
	const opened = await openTeam(await answer.json(), passphrase);
	if (!opened.ok) throw new Error(`the team key did not open: ${opened.error}`);
	return opened.value;
}

export interface Forged {
	/** The attacker's device id (16 hex digits, as a real device's). */
	readonly device: string;
	/** The forged changes' ids, in the run's order. */
	readonly ids: readonly string[];
}

/**
 * Writes, as a new device, a run of two changes claiming `victim`: the device's enrollment for
 * them, signed with an account key of the attacker's own (the victim's is sealed under their
 * password), then making `primary` the license's primary billing contact, as the victim. The
 * attacker's device signs the run's head with its own Ed25519 key as a real device does; the
 * documents go in with `new_edits: false` and content-derived revisions, as Tessera's push
 * writes them. Without the enrollment in the run no device would know the attacker's key.
 */
export async function forgeMakePrimary(
	db: CouchDatabase,
	passphrase: string,
	forged: { victim: string; license: string; primary: string }
): Promise<Forged> {
	const key = await teamKey(db, passphrase);
	const device = hex(8);
	const deviceKey = await newSigningKeyPair(false);
	const accountKey = await newSigningKeyPair(false);
	const now = Date.now();
	const actor = accountId(forged.victim);
	const enroll: Change = {
		id: changeId(`forged-enroll-${hex(6)}`),
		device: deviceId(device),
		clock: formatClock({ millis: now, counter: 0 }, device),
		at: now,
		actor,
		prev: null,
		type: 'device.enroll',
		payload: {
			accountId: actor,
			devicePublicKey: deviceKey.publicKey,
			accountPublicKey: accountKey.publicKey,
			signature: await sign(
				accountKey.privateKey,
				enrollStatement(forged.victim, device, deviceKey.publicKey)
			)
		}
	};
	const makePrimary: Change = {
		id: changeId(`forged-primary-${hex(6)}`),
		device: deviceId(device),
		clock: formatClock({ millis: now, counter: 1 }, device),
		at: now,
		actor,
		prev: changeHash(enroll),
		type: 'contact.makePrimary',
		payload: {
			licenseId: licenseId(forged.license),
			role: 'billing',
			accountId: accountId(forged.primary)
		}
	};
	const head = {
		device,
		changeId: makePrimary.id,
		signature: await sign(
			deviceKey.privateKey,
			headStatement(device, makePrimary.id, changeHash(makePrimary))
		)
	};
	const docs = [
		await changeDoc(enroll, key, randomBytes),
		await changeDoc(makePrimary, key, randomBytes),
		await signatureDoc(head, key, randomBytes)
	];
	const written = await fetch(`${db.url}/${db.name}/_bulk_docs`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: auth(db) },
		body: JSON.stringify({ new_edits: false, docs })
	});
	expect(written.status).toBe(201);
	return { device, ids: [enroll.id, makePrimary.id] };
}
