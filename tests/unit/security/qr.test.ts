/**
 * The enrolment QR code: an SVG made only of paths, so the email inside the otpauth URI can
 * never become markup.
 */
import { describe, expect, it } from 'vitest';
import { qrSvg } from '$lib/security/qr';
import { totpUri } from '$lib/security';

describe('qrSvg', () => {
	it('renders an otpauth URI as an SVG without the text in it', async () => {
		const uri = totpUri({ secret: 'JBSWY3DPEHPK3PXP', account: '<b>ada</b>@example.com' });
		const svg = await qrSvg(uri);
		expect(svg.startsWith('<svg')).toBe(true);
		expect(svg).toContain('<path');
		expect(svg).not.toContain('ada');
		expect(svg).not.toContain('<script');
	});
});
