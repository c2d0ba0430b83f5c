// Delivering an exported file (S3): a download through a Blob link, and the Web Share API
// where the browser can share files (mostly phones), so the file can go straight to the
// other device through a messenger or a drive.

export function downloadText(text: string, filename: string, type = 'application/json'): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = filename;
	link.hidden = true;
	document.body.append(link);
	link.click();
	link.remove();
	// Revoked a while later: revoking at once can cancel a download that has not started.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A File the browser says it can share, or null (no Web Share, or not for this type). */
export function shareableFile(text: string, filename: string): File | null {
	if (typeof navigator === 'undefined' || typeof navigator.canShare !== 'function') return null;
	// Some browsers share only a few types: JSON first, plain text as the fallback.
	for (const type of ['application/json', 'text/plain']) {
		const file = new File([text], filename, { type });
		try {
			if (navigator.canShare({ files: [file] })) return file;
		} catch {
			return null;
		}
	}
	return null;
}

export type ShareOutcome = 'shared' | 'cancelled' | 'failed';

export async function shareFile(file: File): Promise<ShareOutcome> {
	try {
		await navigator.share({ files: [file], title: file.name });
		return 'shared';
	} catch (error) {
		return error instanceof DOMException && error.name === 'AbortError' ? 'cancelled' : 'failed';
	}
}
