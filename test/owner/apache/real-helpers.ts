import {expect} from 'vitest';
import type {Finding} from '../../../src/evidence/types.js';
import {analyzeApache, apacheLogCodeFinding, nodeApacheIo} from '../../../src/owner/apache/index.js';
import type {ApacheAnalysis} from '../../../src/owner/apache/index.js';
import type {ApacheInstance} from '../../helpers/apache-instance.js';

/** Runs the config reader on the instance's own config for a request like the one the test sent. */
export async function analyze(instance: ApacheInstance, urlPath: string, extra: {method?: string; referer?: string; userAgent?: string; clientAddress?: string} = {}): Promise<ApacheAnalysis> {
	return analyzeApache(instance.confPath, {
		url: instance.origin + urlPath,
		method: extra.method ?? 'GET',
		clientAddress: extra.clientAddress ?? '127.0.0.1',
		referer: extra.referer,
		userAgent: extra.userAgent,
	}, nodeApacheIo);
}

/** The cause a finding lends most weight to. */
export function topCause(finding: Finding | undefined): string | undefined {
	const entries = Object.entries(finding?.supports ?? {}).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
	return entries[0]?.[0];
}

/** The first finding must be a refusal naming `cause` at `file:line`. */
export function expectFirstCause(analysis: ApacheAnalysis, cause: string, file: string, line: number): Finding {
	const [first] = analysis.findings;
	expect(analysis.verdict).toBe('forbidden');
	expect(first?.mark).toBe('fail');
	expect(topCause(first)).toBe(cause);
	expect(first?.location).toEqual({file, line});
	expect(first?.fix?.owner?.length).toBeGreaterThan(0);
	return first!;
}

/** The AH code the real error log shows for a path, checked against what the reader predicted and against REFERENCE §2.2. */
export async function expectLogCode(instance: ApacheInstance, code: string, pathPart: string, cause?: string): Promise<void> {
	const log = await instance.readErrorLog();
	const line = log.split('\n').find(entry => entry.includes(`${code}:`) && entry.includes(pathPart));
	expect(line, `error log should have ${code} for ${pathPart}:\n${log}`).toBeDefined();
	if (cause) {
		expect(Object.keys(apacheLogCodeFinding(code, line)?.supports ?? {})).toContain(cause);
	}
}

/** The analysis says no rule refuses the request. */
export function expectAllowed(analysis: ApacheAnalysis): void {
	expect(analysis.verdict).toBe('allowed');
	expect(analysis.findings.filter(finding => finding.mark === 'fail')).toEqual([]);
	expect(analysis.findings.some(finding => finding.code === 'apache.config-allows')).toBe(true);
}
