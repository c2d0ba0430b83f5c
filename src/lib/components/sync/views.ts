// What the Sync components show, as plain data made from the store's reports: the import
// preview (S9) and the conflict inbox (S5, S6). Components stay presentational; these are
// unit-testable without a DOM. Someone's text stays apart in each phrase (X4).
import type { Change, ContactMove, ContactRole, State } from '$lib/core';
import type { AccountTouch, LicenseTouch, SiteTouch } from '$lib/core';
import type { ConflictRecord, ImportPreview, SensitiveChange } from '$lib/app/command-types';
import type { Phrase } from '$lib/ui/phrase';
import { phrase, userText } from '$lib/ui/phrase';
import { ASPECT_WORDS, kindWords, licensesWords, moveWords } from '$lib/ui/preview-words';
import { deviceWords, heldWords, timeWords } from '$lib/ui/sync-words';
import { trustWords } from '$lib/ui/trust-words';
import { conflictReason } from '$lib/ui/conflict-words';
import { actorWords, describeChange, lookupFor } from '$lib/ui/change-words';
import type { Lookup } from '$lib/ui/change-words';

export interface ConflictView {
	readonly id: string;
	/** What the change asked for. */
	readonly what: Phrase;
	/** Why the rules refused it, in words. */
	readonly reason: Phrase;
	readonly by: Phrase;
	readonly device: string;
	readonly time: string;
	readonly dismissed: boolean;
}

/** A sensitive change in the file (SENSITIVITY in the core), shown first and marked. */
export interface SensitiveView {
	readonly id: string;
	readonly what: Phrase;
	/** The rules refuse it: it will be kept as a conflict. */
	readonly refused: boolean;
	readonly by: Phrase;
	readonly device: string;
	readonly time: string;
	/** For a handover: each license it changes, and how. */
	readonly licenses: readonly Phrase[];
}

export interface KindView {
	/** "2 password changes". */
	readonly label: string;
	readonly sensitive: boolean;
}

export interface PreviewView {
	readonly fileName: string;
	readonly from: string;
	readonly exportedAt: string;
	readonly whole: boolean;
	readonly encrypted: boolean;
	readonly fresh: number;
	readonly duplicates: number;
	readonly sensitive: readonly SensitiveView[];
	readonly kinds: readonly KindView[];
	/** Every license, account and site the import writes, by name, with what happens. */
	readonly licenses: readonly Phrase[];
	readonly accounts: readonly Phrase[];
	readonly sites: readonly Phrase[];
	/** Mail filed in the simulated mail client. */
	readonly mail: number;
	readonly conflicts: readonly ConflictView[];
	/** New changes sort before local ones: the history is replayed in order (S5). */
	readonly replays: boolean;
	/** X5: declared open links, as "n from device x" phrases; empty when the chains are whole. */
	readonly gaps: readonly string[];
	/** X7: the changes that would be held as from the future, and when they apply, in words. */
	readonly held?: string | null;
	/**
	 * X5: links to changes this device has not received (a file from there was not imported
	 * here), as "n from device x" phrases.
	 */
	readonly missing?: readonly string[];
	/** X6: changes that would be held apart, unverified, with the reason. */
	readonly unverified?: readonly ConflictView[];
	/** X6: the notice for changes nothing can verify; null when every change can be. */
	readonly trust?: { readonly unsignable: number; readonly words: string } | null;
}

export interface PreviewInput {
	readonly fileName: string;
	readonly file: {
		readonly device: string;
		readonly exportedAt: number;
		readonly kind: 'queue' | 'full';
		readonly encrypted: boolean;
		readonly changes: readonly Change[];
		readonly gaps: readonly { readonly device: string }[];
	};
	readonly preview: ImportPreview;
}

function conflictWith(
	record: ConflictRecord,
	state: State,
	names: Lookup,
	self: string
): ConflictView {
	const { change } = record;
	return {
		id: change.id,
		what: describeChange(change, names),
		reason: conflictReason(record.refusal, change, state, names, self),
		by: actorWords(change, names),
		device: deviceWords(change.device, self),
		time: timeWords(change.at),
		dismissed: record.dismissed
	};
}

export function conflictViews(
	records: readonly ConflictRecord[],
	state: State,
	self: string
): ConflictView[] {
	const names = lookupFor(state);
	return records.map((r) => conflictWith(r, state, names, self));
}

export function previewView(input: PreviewInput, state: State, self: string): PreviewView {
	const { file, preview } = input;
	const names = lookupFor(state, file.changes);
	const { touched } = preview;
	const lines = new Map(touched.licenses.map((l) => [l.licenseId, licenseLine(l, names)]));
	return {
		fileName: input.fileName,
		from: deviceWords(file.device, self),
		exportedAt: timeWords(file.exportedAt),
		whole: file.kind === 'full',
		encrypted: file.encrypted,
		fresh: preview.fresh,
		duplicates: preview.duplicates,
		sensitive: preview.sensitive.map((s) => sensitiveView(s, names, lines, self)),
		kinds: preview.kinds.map((k) => ({
			label: kindWords(k.type, k.count),
			sensitive: preview.sensitive.some((s) => s.change.type === k.type)
		})),
		licenses: [...lines.values()],
		accounts: touched.accounts.map((a) => accountLine(a, names)),
		sites: touched.sites.map((s) => siteLine(s, names)),
		mail: touched.mail,
		conflicts: preview.wouldConflict.map((r) => conflictWith(r, state, names, self)),
		replays: preview.needsReplay,
		gaps: gapWords(file.gaps, self),
		missing: gapWords(preview.gaps ?? [], self),
		held: preview.held ? heldWords(preview.held) : null,
		unverified: preview.unverified.map((r) => conflictWith(r, state, names, self)),
		trust:
			preview.unsignable === 0
				? null
				: { unsignable: preview.unsignable, words: trustWords(preview.unsignable, preview.fresh) }
	};
}

function sensitiveView(
	s: SensitiveChange,
	names: Lookup,
	lines: ReadonlyMap<string, Phrase>,
	self: string
): SensitiveView {
	return {
		id: s.change.id,
		what: describeChange(s.change, names),
		refused: s.refused,
		by: actorWords(s.change, names),
		device: deviceWords(s.change.device, self),
		time: timeWords(s.change.at),
		licenses: s.licenseIds.map((id) => lines.get(id) ?? names.license(id))
	};
}

/** "Tessera Issues SEN-1: Bob (bob@acme.com) becomes the primary billing contact; …". */
function licenseLine(touch: LicenseTouch, names: Lookup): Phrase {
	const parts: Phrase[] = [];
	if (touch.created) parts.push(['new license']);
	// One phrase per person and move, naming both roles when both move alike.
	const grouped = new Map<string, { id: string; move: ContactMove; roles: ContactRole[] }>();
	for (const c of touch.contacts) {
		const key = `${c.accountId}\u0000${c.move}`;
		const group = grouped.get(key) ?? { id: c.accountId, move: c.move, roles: [] };
		group.roles.push(c.role);
		grouped.set(key, group);
	}
	for (const g of grouped.values()) {
		parts.push(phrase(names.account(g.id), ` ${moveWords(g.move, g.roles)}`));
	}
	if (touch.supportRequests > 0) {
		parts.push([
			touch.supportRequests === 1
				? 'a support request'
				: `${touch.supportRequests} support requests`
		]);
	}
	if (touch.terms) parts.push(['its tier or expiry changes']);
	if (touch.billingDetails) parts.push(['its billing details change']);
	if (touch.invoices > 0) {
		parts.push([touch.invoices === 1 ? 'an invoice' : `${touch.invoices} invoices`]);
	}
	return phrase(names.license(touch.licenseId), ': ', joined(parts, '; '));
}

function accountLine(touch: AccountTouch, names: Lookup): Phrase {
	const parts: Phrase[] = touch.aspects.map((aspect) => {
		if (aspect === 'name' && touch.newName !== null) {
			return phrase('name changed to ', userText(touch.newName));
		}
		if (aspect === 'email' && touch.newEmail !== null) {
			return phrase('email address changed to ', userText(touch.newEmail));
		}
		return [ASPECT_WORDS[aspect]];
	});
	if (touch.joins.length > 0) parts.push([`joins ${licensesWords(touch.joins.length)}`]);
	if (touch.leaves.length > 0) parts.push([`leaves ${licensesWords(touch.leaves.length)}`]);
	if (touch.promotions.length > 0) {
		parts.push([`primary contact changes on ${licensesWords(touch.promotions.length)}`]);
	}
	return phrase(names.account(touch.accountId), ': ', joined(parts, ', '));
}

function siteLine(touch: SiteTouch, names: Lookup): Phrase {
	const parts: Phrase[] = [];
	if (touch.created) parts.push(['new site']);
	for (const id of touch.adminsJoin) parts.push(phrase(names.account(id), ' becomes a site admin'));
	for (const id of touch.adminsLeave)
		parts.push(phrase(names.account(id), ' stops being a site admin'));
	if (touch.productsAdded > 0 && !touch.created) parts.push(['products added']);
	if (touch.customers) parts.push(['its service-desk customers change']);
	if (touch.productUsers) parts.push(['its product users change']);
	return phrase(names.site(touch.siteId), ': ', joined(parts, '; '));
}

function joined(parts: readonly Phrase[], separator: string): Phrase {
	return phrase(...parts.flatMap((p, i) => (i === 0 ? [p] : [separator, p])));
}

function gapWords(gaps: readonly { device: string }[], self: string): string[] {
	const byDevice = new Map<string, number>();
	for (const g of gaps) byDevice.set(g.device, (byDevice.get(g.device) ?? 0) + 1);
	return [...byDevice].map(([device, n]) => `${n} from ${deviceWords(device, self)}`);
}
