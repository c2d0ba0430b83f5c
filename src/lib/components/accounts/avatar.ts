// A5 avatar: an image file the person picks is checked (type, size), cropped to a centred
// square and drawn at 128 × 128 on a canvas, then kept as a data: URL no larger than the
// core allows (MAX_AVATAR, 200 KB). The original file never leaves this function.
import { MAX_AVATAR } from '$lib/core';

export const AVATAR_SIZE = 128;
/** Larger files are refused before decoding, so a huge photo cannot freeze the page. */
export const MAX_AVATAR_FILE = 10 * 1024 * 1024;
const TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/** Why a file cannot be an avatar, or null when it may be tried. */
export function checkAvatarFile(file: {
	readonly type: string;
	readonly size: number;
}): string | null {
	if (!TYPES.includes(file.type)) return 'Choose a PNG, JPEG, GIF or WebP image.';
	if (file.size > MAX_AVATAR_FILE) return 'Choose an image smaller than 10 MB.';
	if (file.size === 0) return 'That file is empty.';
	return null;
}

export type AvatarResult = { ok: true; dataUrl: string } | { ok: false; message: string };

export async function avatarFromFile(file: File): Promise<AvatarResult> {
	const problem = checkAvatarFile(file);
	if (problem !== null) return { ok: false, message: problem };
	let bitmap: ImageBitmap;
	try {
		bitmap = await createImageBitmap(file);
	} catch {
		return { ok: false, message: 'That file could not be read as an image.' };
	}
	try {
		const canvas = document.createElement('canvas');
		canvas.width = AVATAR_SIZE;
		canvas.height = AVATAR_SIZE;
		const g = canvas.getContext('2d');
		if (g === null) return { ok: false, message: 'This browser cannot resize images.' };
		const side = Math.min(bitmap.width, bitmap.height);
		const sx = (bitmap.width - side) / 2;
		const sy = (bitmap.height - side) / 2;
		g.imageSmoothingQuality = 'high';
		g.drawImage(bitmap, sx, sy, side, side, 0, 0, AVATAR_SIZE, AVATAR_SIZE);
		// PNG keeps transparency; a photo that is too large as PNG is fine as JPEG.
		for (const [type, quality] of [
			['image/png', undefined],
			['image/jpeg', 0.85],
			['image/jpeg', 0.6]
		] as const) {
			const url = canvas.toDataURL(type, quality);
			if (url.startsWith(`data:${type};base64,`) && url.length <= MAX_AVATAR) {
				return { ok: true, dataUrl: url };
			}
		}
		return { ok: false, message: 'That image is too detailed to keep as an avatar. Try another.' };
	} finally {
		bitmap.close();
	}
}
