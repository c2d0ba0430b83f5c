/**
 * Renders the two-step enrolment QR code as an SVG string. `qrcode` is large, so this module
 * is deliberately not in the security barrel: the enrolment page imports it with `import()`
 * and only people enabling two-step verification download it.
 *
 * The SVG holds only <path> elements drawn from the encoded bits, never the text itself, so
 * an email address inside the otpauth:// URI cannot inject markup (X4).
 */

export async function qrSvg(text: string): Promise<string> {
	const { toString } = await import('qrcode');
	// 'M' survives a slightly blurry phone camera; a 1-module margin keeps the code compact.
	return toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}
