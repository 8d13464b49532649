import {expect} from 'vitest';
import type {Report, ReportCause} from '../../src/report/types.js';

/* What every owner-role report of the real-server tests must satisfy, whichever server it is about. */

export const ranking = (report: Report) => report.causes.map(cause => `${cause.id} ${cause.confidence}`).join(', ');
const place = (file: string) => file.replace(/(.)\/+$/, '$1');
export const plain = (step: string) => step.replaceAll('`', '');
export const literal = (text: string) => text.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);

/**
The owner report names `cause` first with nothing level with or above it, names each place once, and
repeats no fix step inside another.
*/
export function expectFirstCause(report: Report, cause: string): ReportCause {
	expect(report.status, report.reason).toBe('diagnosed');
	expect(report.role).toBe('owner');
	const [first, ...rest] = report.causes;
	expect(first?.id, ranking(report)).toBe(cause);
	for (const other of rest) {
		expect(other.confidence, ranking(report)).toBeLessThan(first!.confidence);
	}

	const places = (first!.locations ?? []).map(location => `${place(location.file)}:${location.line ?? ''}`);
	expect(places, 'each place once').toEqual([...new Set(places)]);
	const steps = first!.fix.map(plain);
	for (const [index, step] of steps.entries()) {
		for (const later of steps.slice(index + 1)) {
			expect(step.includes(later) || later.includes(step), `fix repeats itself: "${step}" / "${later}"`).toBe(false);
		}
	}

	return first!;
}

/** No step tells the owner to open everything up (the catalogue's own "Never chmod 777" is a warning, not a step). */
export function expectLeastPrivilege(cause: ReportCause): void {
	for (const step of cause.fix) {
		expect(step).not.toMatch(/(?<!Never )chmod (?:-R )?(?:0?777|[ugoa]*\+rwx|o\+w)|chmod -R/);
	}
}
