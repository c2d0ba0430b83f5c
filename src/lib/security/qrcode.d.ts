/**
 * The `qrcode` package ships no types and there is no @types/qrcode installed; this declares
 * only the one call qr.ts makes, so a wider use has to extend it deliberately.
 */
declare module 'qrcode' {
	export type QRCodeSvgOptions = {
		type: 'svg';
		errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H';
		margin?: number;
	};

	export function toString(text: string, options: QRCodeSvgOptions): Promise<string>;
}
