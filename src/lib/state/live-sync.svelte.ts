/**
 * Live sync (S10) as a runes singleton: the connect form, the server this device syncs with
 * and the loop's status, which the loop pushes here as it works. Every step runs through
 * `perform` and the command map, which announces the outcome in words. The team's secret is
 * its passphrase or a team key file, chosen or made here (and downloaded to be copied to the
 * team's other devices). The password, the passphrase and the key file are cleared once used
 * and never stored; the team key is kept by the app as a CryptoKey.
 */
import type { LiveSecret, LiveStatus, ServerConfig } from '$lib/app/command-types';
import { downloadText } from './deliver';
import { perform } from './perform.svelte';

/** Which secret opens the team key on this connect. */
export type SecretKind = 'passphrase' | 'key-file';

/** A key file's name and text, as chosen (read by the panel) or made here. */
export interface ChosenKeyFile {
	readonly name: string;
	readonly text: string;
	/** Made on this device just now (and downloaded), not chosen from disk. */
	readonly made: boolean;
}

export class LiveSync {
	server = $state.raw<ServerConfig | null>(null);
	status = $state.raw<LiveStatus | null>(null);
	url = $state('');
	database = $state('');
	username = $state('');
	password = $state('');
	passphrase = $state('');
	secretKind = $state<SecretKind>('passphrase');
	keyFile = $state.raw<ChosenKeyFile | null>(null);
	#restored = false;

	readonly #onStatus = (status: LiveStatus): void => {
		this.status = status;
	};

	/** Resumes the settings kept on this device, once per open app. */
	async restore(): Promise<void> {
		if (this.#restored) return;
		this.#restored = true;
		const done = await perform('live.restore', { onStatus: this.#onStatus });
		if (done.ok && done.value !== null) {
			this.server = done.value.server;
			this.status = done.value.status;
		}
	}

	async connect(): Promise<void> {
		const server = {
			url: this.url.trim(),
			database: this.database.trim(),
			username: this.username.trim(),
			password: this.password
		};
		const secret: LiveSecret =
			this.secretKind === 'key-file'
				? { kind: 'key-file', text: this.keyFile?.text ?? '' }
				: { kind: 'passphrase', passphrase: this.passphrase };
		const done = await perform('live.connect', { server, secret, onStatus: this.#onStatus });
		if (!done.ok || done.value.kind !== 'connected') return;
		this.#restored = true;
		this.server = done.value.server;
		this.status = done.value.status;
		this.password = '';
		this.passphrase = '';
		this.keyFile = null;
	}

	/** A key file the person chose (its text, read by the panel), or none. */
	chooseKeyFile(file: ChosenKeyFile | null): void {
		this.keyFile = file;
	}

	/** S10: a new team key file, downloaded and chosen for this connect. */
	async makeKeyFile(): Promise<void> {
		const done = await perform('live.makeKeyFile', {});
		if (!done.ok) return;
		downloadText(done.value.text, done.value.filename);
		this.keyFile = { name: done.value.filename, text: done.value.text, made: true };
		this.secretKind = 'key-file';
	}

	async pause(): Promise<void> {
		await perform('live.pause', {});
	}

	async resume(): Promise<void> {
		await perform('live.resume', {});
	}

	async disconnect(): Promise<void> {
		const done = await perform('live.disconnect', {});
		if (!done.ok) return;
		this.server = null;
		this.status = null;
	}
}

export const liveSync = new LiveSync();
