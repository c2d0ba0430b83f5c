// CPU time of this benchmark's browser (node side): utime + stime, in ms, summed over every
// process descended from this node process, read from /proc. CPU time holds steadier than wall
// time on a busy machine. Returns NaN where /proc is missing (then only wall figures count).
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

interface Proc {
	readonly ppid: number;
	readonly ticks: number;
}

function readProc(pid: string): Proc | null {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// Fields after the command name, which is in parentheses and may hold spaces.
		const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const ppid = Number(rest[1]);
		const ticks = Number(rest[11]) + Number(rest[12]);
		return { ppid, ticks };
	} catch {
		return null;
	}
}

export function browserCpuMs(): number {
	let pids: string[];
	try {
		pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
	} catch {
		return NaN;
	}
	const procs = new Map<number, Proc>();
	for (const pid of pids) {
		const proc = readProc(pid);
		if (proc !== null) procs.set(Number(pid), proc);
	}
	const root = process.pid;
	const descends = (pid: number): boolean => {
		for (let p = pid, hops = 0; p > 1 && hops < 64; hops++) {
			if (p === root) return true;
			p = procs.get(p)?.ppid ?? 0;
		}
		return false;
	};
	let ticks = 0;
	for (const [pid, proc] of procs) if (pid !== root && descends(pid)) ticks += proc.ticks;
	return (ticks * 1000) / TICKS_PER_SECOND;
}

/** Runs `task`, returning its wall time (ms) and the browser's CPU time over it (ms). */
export async function measured<T>(
	task: () => Promise<T>
): Promise<{ value: T; wall: number; cpu: number }> {
	const cpu0 = browserCpuMs();
	const t0 = performance.now();
	const value = await task();
	const wall = performance.now() - t0;
	return { value, wall, cpu: browserCpuMs() - cpu0 };
}
