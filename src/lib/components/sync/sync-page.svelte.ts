/**
 * The Sync page's state and flows (S2–S9, X5), as a runes class singleton so the page
 * stays thin: export (build → download → leave the queue), import (read → passphrase →
 * preview → apply in one transaction, or cancel), the conflict inbox and the history check.
 * Every outcome is announced in words in the shell's live region; a refused file or a failed
 * write changes nothing. One instance per visit to the page: passphrases are not kept.
 */
import type { ChangeId } from '$lib/core';
import * as app from '$lib/app/sync';
import type { ExportReport, SyncOverview } from '$lib/app/sync';
import type { ConflictRecord, ImportPreview } from '$lib/store/types';
import type { SyncFileContents } from '$lib/sync/format';
import { data } from '$lib/state/data.svelte';
import { status } from '$lib/state/status.svelte';
import { describeError } from '$lib/ui/errors';
import * as words from '$lib/ui/sync-words';
import { MIN_PASSPHRASE } from '$lib/sync/write';
import { downloadText, shareFile, shareableFile } from './deliver';

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
export type PendingExport = Extract<ExportReport, { readonly kind: 'built' }>;

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
			const whole = this.whole;
			try {
				const ctx = await data.ctx();
				const [overview, conflicts] = await Promise.all([
					app.syncOverview(ctx, whole),
					app.listConflicts(ctx)
				]);
				this.device = ctx.store.device;
				this.overview = overview;
				this.conflicts = conflicts;
			} catch {
				// data.problem, shown by the shell, says why the data cannot be read.
			}
		}
	}

	async exportNow(): Promise<void> {
		if (this.busy) return;
		const passphrase = this.encrypting ? this.passphrase : '';
		if (this.encrypting && passphrase.length < MIN_PASSPHRASE) {
			status.announce(
				this.mustEncrypt
					? `These changes carry secrets, so the file must be encrypted: enter a passphrase of at least ${MIN_PASSPHRASE} characters.`
					: `Enter a passphrase of at least ${MIN_PASSPHRASE} characters, or untick “Encrypt the file”.`,
				'error'
			);
			return;
		}
		const label = 'Building the change file';
		this.exportProgress = { label, value: 0 };
		this.shareable = null;
		this.pending = null;
		try {
			const ctx = await data.ctx();
			const report = await app.exportChanges(ctx, {
				whole: this.whole,
				passphrase,
				onProgress: (value) => (this.exportProgress = { label, value })
			});
			if (report.kind === 'empty') {
				status.announce(words.emptyExportWords(report.whole), 'info');
			} else if (report.kind === 'refused') {
				status.announce(words.exportRefusedWords(report.error), 'error');
			} else {
				downloadText(report.file.text, report.file.filename);
				this.pending = report;
				this.shareable = shareableFile(report.file.text, report.file.filename);
				this.passphrase = '';
				status.announce(words.exportedWords(report), 'success');
			}
		} catch (error) {
			status.announce(describeError(error), 'error');
		} finally {
			this.exportProgress = null;
		}
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
		try {
			await app.recordExport(await data.ctx(), pending);
			this.pending = null;
			this.shareable = null;
			status.announce(words.keptWords(pending), 'success');
		} catch (error) {
			status.announce(describeError(error), 'error');
		}
		await this.refresh();
	}

	async share(): Promise<void> {
		const file = this.shareable;
		if (file === null) return;
		const outcome = await shareFile(file);
		if (outcome === 'failed') {
			status.announce('Sharing failed. The file was downloaded: send it another way.', 'error');
		}
	}

	/** Starts an import from the file input or a drop. */
	async chooseFile(file: File): Promise<void> {
		if (this.busy) {
			status.announce('Finish the import or export under way first.', 'info');
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
		try {
			const ctx = await data.ctx();
			const result = await app.checkImportFile(ctx, file, {
				...(passphrase === undefined ? {} : { passphrase }),
				onProgress: (value) => (this.importProgress = { label, value })
			});
			if (result.kind === 'ready' && result.preview.fresh === 0 && result.preview.nowProved === 0) {
				this.#reset();
				const { duplicates } = result.preview;
				status.announce(words.importedWords({ duplicates, applied: 0, conflicts: [] }));
			} else if (result.kind === 'ready') {
				this.trusted = false;
				this.step = { step: 'preview', name, file: result.file, preview: result.preview };
			} else if (
				result.error.code === 'needs-passphrase' ||
				result.error.code === 'wrong-passphrase'
			) {
				const problem = passphrase === undefined ? null : words.describeSyncError(result.error);
				this.step = { step: 'passphrase', name, problem, busy: false };
			} else {
				this.#reset();
				status.announce(words.importRefusedWords(result.error), 'error');
			}
		} catch (error) {
			this.#reset();
			status.announce(words.importFailedWords(describeError(error)), 'error');
		} finally {
			this.importProgress = null;
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
		try {
			const ctx = await data.ctx();
			const report = await app.applyImport(ctx, current.file, {
				trust: this.trusted,
				onProgress: (p) => {
					this.importProgress = { label, value: p.total === 0 ? 1 : p.done / p.total };
				}
			});
			this.#reset();
			if (report.kind === 'applied') {
				const tone = report.outcome.conflicts.length > 0 ? 'info' : 'success';
				status.announce(words.importedWords(report.outcome), tone);
			} else if (report.kind === 'refused') {
				status.announce(words.importRefusedWords(report.error), 'error');
			} else {
				status.announce(words.importFailedWords(describeError(report.error)), 'error');
			}
		} catch (error) {
			this.#reset();
			status.announce(words.importFailedWords(describeError(error)), 'error');
		} finally {
			this.importProgress = null;
		}
		await this.refresh();
	}

	/** S9: the person may cancel at the passphrase or the preview; nothing was written. */
	cancel(): void {
		const step = this.step;
		if (step.step !== 'preview' && (step.step !== 'passphrase' || step.busy)) return;
		this.#reset();
		status.announce('Import cancelled: nothing on this device was changed.');
	}

	#reset(): void {
		this.#pending = null;
		this.trusted = false;
		this.step = { step: 'idle' };
	}

	async dismiss(id: ChangeId): Promise<void> {
		try {
			await app.dismissConflict(await data.ctx(), id);
			status.announce('Conflict dismissed. The change is kept; “Show dismissed” lists it again.');
		} catch (error) {
			status.announce(describeError(error), 'error');
		}
		await this.refresh();
	}

	/** X5: verifies the hash chains of the local log. */
	async checkHistory(): Promise<void> {
		this.checking = true;
		try {
			const result = await app.checkHistory(await data.ctx());
			const text = words.historyCheckWords(result);
			this.historyResult = { ok: result.ok, text };
			status.announce(text, result.ok ? 'success' : 'error');
		} catch (error) {
			status.announce(describeError(error), 'error');
		} finally {
			this.checking = false;
		}
	}
}
