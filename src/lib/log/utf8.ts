// UTF-8 lengths of strings without encoding them (S7 size limits, a file digest).

const NOT_ASCII = /[\u0080-\uffff]+/g;

/**
 * UTF-8 length of a string, counting no further than `stopAfter` (then the count so far, just
 * past it, is returned). ASCII is skipped by a native regex scan, so mostly-ASCII text (a sync
 * file) costs a fraction of a character-by-character loop; only the other runs are counted.
 */
export function utf8Length(text: string, stopAfter = Infinity): number {
	let bytes = text.length;
	for (const run of text.matchAll(NOT_ASCII)) bytes += slowLength(run[0]) - run[0].length;
	return bytes <= stopAfter ? bytes : slowLength(text, stopAfter);
}

function slowLength(text: string, stopAfter = Infinity): number {
	let bytes = 0;
	for (let i = 0; i < text.length && bytes <= stopAfter; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) bytes += 1;
		else if (c < 0x800) bytes += 2;
		else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
			const next = text.charCodeAt(i + 1);
			if (next >= 0xdc00 && next <= 0xdfff) i++;
			bytes += next >= 0xdc00 && next <= 0xdfff ? 4 : 3;
		} else bytes += 3;
	}
	return bytes;
}
