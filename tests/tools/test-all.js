// `npm test`: every check in one run — types, lint, format, unit + component (Vitest), build,
// end-to-end (Playwright in Chromium) — then one summary that ends with `N passed, N failed`,
// the line CI reads. Each tool writes a JSON report under reports/; this script only counts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const rows = [];
let passed = 0;
let failed = 0;

function run(label, command, args) {
	const started = Date.now();
	console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
	const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	return { ok: result.status === 0, seconds };
}

function readJson(path) {
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch {
		return null;
	}
}

/** A tool that is one check (type check, lint, format, build). */
function check(label, command, args) {
	const { ok, seconds } = run(label, command, args);
	if (ok) passed += 1;
	else failed += 1;
	rows.push(`${label.padEnd(28)} ${ok ? 'ok' : 'FAILED'} (${seconds} s)`);
	return ok;
}

/** A test runner: counts its tests from its JSON report; a crash with no report is a failure. */
function suite(label, command, args, report, count) {
	rmSync(report, { force: true });
	const { ok, seconds } = run(label, command, args);
	const json = existsSync(report) ? readJson(report) : null;
	const counts = json ? count(json) : { passed: 0, failed: 0, flaky: [], failing: [] };
	if (!ok && counts.failed === 0) counts.failed = 1; // the runner failed outside any test
	passed += counts.passed;
	failed += counts.failed;
	const flaky = counts.flaky ?? [];
	const note = flaky.length === 0 ? '' : `, ${flaky.length} of them passed only on a retry`;
	rows.push(
		`${label.padEnd(28)} ${counts.passed} passed${note}, ${counts.failed} failed (${seconds} s)`
	);
	for (const title of flaky) rows.push(`    flaky: ${title}`);
	// The summary is what a CI log keeps when it is cut: name every failed test in it.
	for (const title of counts.failing ?? []) rows.push(`    failed: ${title}`);
}

/** Files and titles of the Vitest tests that failed, and of files that failed to run. */
function vitestFailing(json) {
	const titles = [];
	for (const file of json.testResults ?? []) {
		const name = String(file.name ?? '').replace(`${process.cwd()}/`, '');
		const failedTests = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
		for (const test of failedTests) {
			const why = String(test.failureMessages?.[0] ?? '')
				.split('\n')[0]
				.slice(0, 200);
			titles.push(`${name} › ${test.fullName}${why === '' ? '' : ` — ${why}`}`);
		}
		if (failedTests.length === 0 && file.status === 'failed') {
			titles.push(`${name} — ${String(file.message ?? 'failed to run').slice(0, 200)}`);
		}
	}
	return titles;
}

/** Vitest tests that passed only on their retry: they pass, and keep the first try's error. */
function vitestFlaky(json) {
	const titles = [];
	for (const file of json.testResults ?? []) {
		const name = String(file.name ?? '').replace(`${process.cwd()}/`, '');
		for (const test of file.assertionResults ?? []) {
			if (test.status !== 'passed' || (test.failureMessages ?? []).length === 0) continue;
			const why = String(test.failureMessages[0]).split('\n')[0].slice(0, 200);
			titles.push(`${name} › ${test.fullName} — ${why}`);
		}
	}
	return titles;
}

/**
 * Titles of the Playwright tests with this status: `unexpected` failed on every try, `flaky`
 * failed first and passed on its retry.
 */
function playwrightTitles(json, status) {
	const titles = [];
	const walk = (suiteJson, path) => {
		for (const spec of suiteJson.specs ?? []) {
			for (const test of spec.tests ?? []) {
				if (test.status === status) titles.push([...path, spec.title].join(' › '));
			}
		}
		for (const child of suiteJson.suites ?? []) walk(child, [...path, child.title]);
	};
	for (const top of json.suites ?? []) walk(top, [top.title]);
	return titles;
}

mkdirSync('reports', { recursive: true });
check('svelte-check + tsc', 'npm', ['run', '--silent', 'check']);
check('eslint', 'npm', ['run', '--silent', 'lint:eslint']);
check('prettier', 'npm', ['run', '--silent', 'lint:format']);
suite('vitest (unit + component)', 'npx', ['vitest', 'run'], 'reports/vitest.json', (j) => ({
	passed: j.numPassedTests ?? 0,
	failed: (j.numFailedTests ?? 0) + (j.numRuntimeErrorTests ?? 0),
	failing: vitestFailing(j),
	flaky: vitestFlaky(j)
}));
if (check('build', 'npm', ['run', '--silent', 'build'])) {
	suite(
		'playwright (chromium e2e)',
		'npx',
		['playwright', 'test'],
		'reports/playwright.json',
		(j) => ({
			passed: (j.stats?.expected ?? 0) + (j.stats?.flaky ?? 0),
			failed: j.stats?.unexpected ?? 0,
			flaky: playwrightTitles(j, 'flaky'),
			failing: playwrightTitles(j, 'unexpected')
		})
	);
} else {
	failed += 1;
	rows.push(`${'playwright (chromium e2e)'.padEnd(28)} not run: the build failed`);
}

console.log('\nSummary');
for (const row of rows) console.log(`  ${row}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
