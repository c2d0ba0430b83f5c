/**
 * Live sync (S10) as a runes singleton: the connect form, the server this device syncs with
 * and the loop's status, which the loop pushes here as it works. Every step runs through
 * `perform` and the command map, which announces the outcome in words. The password and the
 * passphrase are cleared once used; the team key is kept by the app as a CryptoKey.
 */
import type { LiveStatus, ServerConfig } from '$lib/app/command-types';
import { perform } from './perform.svelte';

export class LiveSync {
	server = $state.raw<ServerConfig | null>(null);
	status = $state.raw<LiveStatus | null>(null);
	url = $state('');
	database = $state('');
	username = $state('');
	password = $state('');
	passphrase = $state('');
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
		const done = await perform('live.connect', {
			server,
			passphrase: this.passphrase,
			onStatus: this.#onStatus
		});
		if (!done.ok || done.value.kind !== 'connected') return;
		this.#restored = true;
		this.server = done.value.server;
		this.status = done.value.status;
		this.password = '';
		this.passphrase = '';
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
