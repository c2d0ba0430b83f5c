/**
 * The Sync page's state and flows (S2–S9, X5), as a runes class singleton so the page
 * stays thin: export (build → download → leave the queue), import (read → passphrase →
 * preview → apply in one transaction, or cancel), the conflict inbox and the history check.
 * Every step runs through `perform` and the command map (docs/architecture.md), which
 * announces the outcome in words; a refused file or a failed write changes nothing. One
 * instance per visit to the page: passphrases are not kept.
 */
import type { ChangeId } from '$lib/core';
import type {
	BuiltExport,
	ConflictRecord,
	ImportPreview,
	Progress as CommandProgress,
	SyncFileContents,
	SyncOverview
} from '$lib/app/command-types';
import { MIN_PASSPHRASE } from '$lib/sync/write';
import {
	IMPORT_CANCELLED_WORDS,
	SHARE_FAILED_WORDS,
	SYNC_BUSY_WORDS,
	historyWords,
	passphraseTooShortWords
} from '$lib/ui/sync-command-words';
import { describeSyncError } from '$lib/ui/sync-words';
import { downloadText, shareFile, shareableFile } from './deliver';
import { perform } from './perform.svelte';
import { status } from './status.svelte';

// The writer refuses a shorter passphrase (S3); the page says so before the slow key
// derivation even starts.
export { MIN_PASSPHRASE };

export interface Progress {
	readonly label: string;
	/** 0 to 1. */
	readonly value: number;
}

/** Where an import stands; the dialog is open for 'passphrase', 'preview' and 'applying'. */
export type ImportStep =
	| { readonly step: 'idle' }
	| { readonly step: 'reading'; readonly name: string }
	| {
			readonly step: 'passphrase';
			readonly name: string;
			/** Why the last passphrase did not open the file. */
			readonly problem: string | null;
			/** A passphrase is being tried (key derivation takes a moment). */
			readonly busy: boolean;
	  }
	| {
			readonly step: 'preview' | 'applying';
			readonly name: string;
			readonly file: SyncFileContents;
			readonly preview: ImportPreview;
	  };

/** An exported file waiting for the person to say it was kept (S2, fault 1). */
export type PendingExport = BuiltExport;

const fraction = (p: CommandProgress): number => (p.total === 0 ? 1 : p.done / p.total);

export class SyncPage {
	overview = $state.raw<SyncOverview | null>(null);
	conflicts = $state.raw<readonly ConflictRecord[]>([]);
	/** This device's id, to tell its own changes from others'. */
	device = $state('');
	whole = $state(false);
	/** Optional encryption of a file without secrets (with secrets it is required). */
	encrypt = $state(false);
	passphrase = $state('');
	showDismissed = $state(false);
	exportProgress = $state.raw<Progress | null>(null);
	importProgress = $state.raw<Progress | null>(null);
	step = $state.raw<ImportStep>({ step: 'idle' });
	/** The last exported file, when the browser can share it (Web Share API). */
	shareable = $state.raw<File | null>(null);
	/**
	 * S2 (fault 1): the last exported file until the person says it was kept. A browser cannot
	 * tell whether a download was kept, so the queue leaves only on "I kept the file"; until
	 * then the file can be downloaded again, and leaving the page leaves the queue as it was.
	 */
	pending = $state.raw<PendingExport | null>(null);
	historyResult = $state.raw<{ readonly ok: boolean; readonly text: string } | null>(null);
	/** X6: the person ticked "I trust where this file came from" in the preview. */
	trusted = $state(false);
	checking = $state(false);
	#pending: Blob | null = null;
	#refreshing: Promise<void> | null = null;
	#stale = false;

	/** S3: the selected changes carry secrets, so the file must be encrypted. */
	get mustEncrypt(): boolean {
		return this.overview?.selection.secrets === true;
	}

	get encrypting(): boolean {
		return this.mustEncrypt || this.encrypt;
	}

	get busy(): boolean {
		return this.exportProgress !== null || this.step.step !== 'idle';
	}

	/**
	 * Rereads the queue, the history counts and the conflicts. Calls while a reread is under way
	 * are folded into one more reread after it (reading 100,000 changes twice at once only made
	 * both slower), and every caller waits for a reread that started after its call.
	 */
	refresh(): Promise<void> {
		this.#stale = true;
		this.#refreshing ??= this.#reread().finally(() => {
			this.#refreshing = null;
		});
		return this.#refreshing;
	}

	async #reread(): Promise<void> {
		while (this.#stale) {
			this.#stale = false;
			// A read that fails says nothing: data.problem, shown by the shell, says why.
			const [overview, conflicts] = await Promise.all([
				perform('sync.overview', { whole: this.whole }),
				perform('sync.conflicts', {})
			]);
			if (overview.ok) {
				this.device = overview.value.device;
				this.overview = overview.value;
			}
			if (conflicts.ok) this.conflicts = conflicts.value;
		}
	}

	async exportNow(): Promise<void> {
		if (this.busy) return;
		const passphrase = this.encrypting ? this.passphrase : '';
		if (this.encrypting && passphrase.length < MIN_PASSPHRASE) {
			status.announce(passphraseTooShortWords(this.mustEncrypt, MIN_PASSPHRASE), 'error');
			return;
		}
		const label = 'Building the change file';
		this.exportProgress = { label, value: 0 };
		this.shareable = null;
		this.pending = null;
		const done = await perform(
			'sync.export',
			{ whole: this.whole, passphrase },
			{ onProgress: (p) => (this.exportProgress = { label, value: fraction(p) }) }
		);
		if (done.ok && done.value.kind === 'built') {
			const report = done.value;
			downloadText(report.file.text, report.file.filename);
			this.pending = report;
			this.shareable = shareableFile(report.file.text, report.file.filename);
			this.passphrase = '';
		}
		this.exportProgress = null;
		await this.refresh();
	}

	/** Fault 1: the file did not arrive, or went astray: the same file again. */
	downloadAgain(): void {
		const pending = this.pending;
		if (pending) downloadText(pending.file.text, pending.file.filename);
	}

	/** S2 (fault 1): the person kept the file, so its changes leave the queue. */
	async kept(): Promise<void> {
		const pending = this.pending;
		if (pending === null) return;
		const done = await perform('sync.kept', { report: pending });
		if (done.ok) {
			this.pending = null;
			this.shareable = null;
		}
		await this.refresh();
	}

	async share(): Promise<void> {
		const file = this.shareable;
		if (file === null) return;
		const outcome = await shareFile(file);
		if (outcome === 'failed') status.announce(SHARE_FAILED_WORDS, 'error');
	}

	/** Starts an import from the file input or a drop. */
	async chooseFile(file: File): Promise<void> {
		if (this.busy) {
			status.announce(SYNC_BUSY_WORDS, 'info');
			return;
		}
		this.#pending = file;
		await this.#check(file.name);
	}

	async submitPassphrase(passphrase: string): Promise<void> {
		if (this.step.step !== 'passphrase' || this.step.busy) return;
		await this.#check(this.step.name, passphrase);
	}

	async #check(name: string, passphrase?: string): Promise<void> {
		const file = this.#pending;
		if (file === null) return;
		const label = `Reading ${name}`;
		// A passphrase is tried inside the dialog, which stays open meanwhile.
		this.step =
			passphrase === undefined
				? { step: 'reading', name }
				: { step: 'passphrase', name, problem: null, busy: true };
		this.importProgress = { label, value: 0 };
		const done = await perform(
			'sync.check',
			{ file, ...(passphrase === undefined ? {} : { passphrase }) },
			{ onProgress: (p) => (this.importProgress = { label, value: fraction(p) }) }
		);
		this.importProgress = null;
		// Refused, failed, or nothing new: already announced by `perform`.
		if (!done.ok) {
			this.#reset();
			return;
		}
		const result = done.value;
		if (result.kind === 'ready' && (result.preview.fresh > 0 || result.preview.nowProved > 0)) {
			this.trusted = false;
			this.step = { step: 'preview', name, file: result.file, preview: result.preview };
		} else if (
			result.kind === 'refused' &&
			(result.error.code === 'needs-passphrase' || result.error.code === 'wrong-passphrase')
		) {
			const problem = passphrase === undefined ? null : describeSyncError(result.error);
			this.step = { step: 'passphrase', name, problem, busy: false };
		} else {
			this.#reset();
		}
	}

	/** X6: Apply waits for the trust confirmation when the file holds unverifiable changes. */
	get canApply(): boolean {
		const current = this.step;
		return current.step === 'preview' && (current.preview.unsignable === 0 || this.trusted);
	}

	/** S4: applies the previewed file in one transaction. */
	async apply(): Promise<void> {
		const current = this.step;
		if (current.step !== 'preview' || !this.canApply) return;
		this.step = { ...current, step: 'applying' };
		const label = 'Applying the changes';
		this.importProgress = { label, value: 0 };
		await perform(
			'sync.apply',
			{ file: current.file, trust: this.trusted },
			{ onProgress: (p) => (this.importProgress = { label, value: fraction(p) }) }
		);
		this.#reset();
		this.importProgress = null;
		await this.refresh();
	}

	/** S9: the person may cancel at the passphrase or the preview; nothing was written. */
	cancel(): void {
		const step = this.step;
		if (step.step !== 'preview' && (step.step !== 'passphrase' || step.busy)) return;
		this.#reset();
		status.announce(IMPORT_CANCELLED_WORDS);
	}

	#reset(): void {
		this.#pending = null;
		this.trusted = false;
		this.step = { step: 'idle' };
	}

	async dismiss(id: ChangeId): Promise<void> {
		await perform('sync.dismiss', { id });
		await this.refresh();
	}

	/** X5: verifies the hash chains of the local log. */
	async checkHistory(): Promise<void> {
		this.checking = true;
		const done = await perform('sync.history', {});
		if (done.ok) this.historyResult = { ok: done.value.ok, text: historyWords(done.value).text };
		this.checking = false;
	}
}
