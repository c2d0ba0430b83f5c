// Import in headless Chromium (S4, P4): a 100k-change file read, validated, previewed and
// applied into a fresh IdbStore in one transaction, end to end, against the floor of a raw
// IndexedDB put of the same change records in one transaction. Prints figures only.
import { openBenchPage } from './bench-page';
import type { BenchContext } from './bench-page';

export default async function importBench(ctx: BenchContext): Promise<void> {
	const { log } = ctx;
	const page = await openBenchPage(ctx, 'import.html', 'runImportBench');
	const total = 100_000;
	const f = await page.evaluate((t) => {
		if (!window.runImportBench) throw new Error('bench page not ready');
		return window.runImportBench(t);
	}, total);
	await page.close();
	const ms = (n: number) => `${n.toFixed(0)} ms`;
	const mb = (f.bytes / 1024 / 1024).toFixed(1);
	log(`file: ${f.changes.toLocaleString('en')} changes, ${mb} MB; ${f.applied} applied`);
	log(
		`import end to end (read + validate ${ms(f.readMs)}, preview ${ms(f.previewMs)}, apply in one transaction ${ms(f.applyMs)}): ${ms(f.totalMs)}`
	);
	log(`raw IndexedDB put of the same ${f.changes} records in one transaction: ${ms(f.floorMs)}`);
	log(`ratio to the floor: ${(f.totalMs / f.floorMs).toFixed(2)}×`);
	log(
		`the projection also stores the ${f.mailCount} mails; raw put of changes + mails: ${ms(f.floorWithMailMs)} → ratio ${(f.totalMs / f.floorWithMailMs).toFixed(2)}×`
	);
	log(
		`without the preview (read + apply only): ratio ${((f.readMs + f.applyMs) / f.floorMs).toFixed(2)}×`
	);
	const { read, preview, apply } = f.longest;
	log(
		`longest time the page could not respond (P4): read ${ms(read)}, preview ${ms(preview)}, apply ${ms(apply)}`
	);
	log(`the same file again: ${ms(f.againMs)}, ${f.duplicatesAgain} duplicates, nothing written`);
	const disk = f.diskAfter - f.diskBefore;
	log(
		`bytes on disk (navigator.storage.estimate): ${(f.diskBefore / 1024 / 1024).toFixed(1)} MB before, ${(f.diskAfter / 1024 / 1024).toFixed(1)} MB after the import → ${(disk / f.changes).toFixed(0)} bytes per change`
	);
}
