import type {Finding} from '../../evidence/types.js';
import type {ProbeRecord, ProbeRequest} from '../../net/probe-types.js';
import {passes} from '../probe-view.js';
import type {CheckDefinition} from '../types.js';
import {budgetExhausted, planVariants, sendVariants, skipped, statusText} from './send-variants.js';

type PathVariant = {id: string; label: string; path: string; kind: 'slash' | 'index' | 'case'};

/** The variants worth trying for a path: toggle the trailing slash, an index file for folders, lower case. */
export function pathVariants(pathname: string, indexFile = 'index.html'): PathVariant[] {
	const variants: PathVariant[] = [];
	const lastSegment = pathname.split('/').at(-1) ?? '';
	if (pathname.endsWith('/') && pathname !== '/') {
		variants.push({id: 'path-no-slash', label: 'without the trailing slash', path: pathname.slice(0, -1), kind: 'slash'});
	} else if (!pathname.endsWith('/') && !lastSegment.includes('.')) {
		variants.push({id: 'path-slash', label: 'with a trailing slash', path: `${pathname}/`, kind: 'slash'});
	}

	if (pathname.endsWith('/')) {
		variants.push({id: 'path-index', label: `with ${indexFile}`, path: `${pathname}${indexFile}`, kind: 'index'});
	}

	if (pathname !== pathname.toLowerCase()) {
		variants.push({id: 'path-lower-case', label: 'in lower case', path: pathname.toLowerCase(), kind: 'case'});
	}

	return variants;
}

/** Near variants of the path: is it the wrong URL, or a folder without an index? */
export const varyPath: CheckDefinition = {
	name: 'vary-path',
	description: 'Near variants of the path (trailing slash, index file, letter case): wrong URL or folder without index?',
	params: {indexFile: {type: 'string', description: 'index file to try for folder URLs (default index.html)'}},
	label: () => 'Near variants of the path (trailing slash, index file, letter case)',
	async run(params, context, env) {
		const plan = planVariants(context);
		if ('skip' in plan) {
			return skipped(plan.skip);
		}

		const url = new URL(plan.original.url);
		const variants = pathVariants(url.pathname, params['indexFile'] as string | undefined);
		if (variants.length === 0) {
			return skipped('skipped: no near variant of this path to try');
		}

		const requests: ProbeRequest[] = variants.map(variant => {
			const next = new URL(url);
			next.pathname = variant.path;
			return {...plan.original, id: variant.id, label: variant.label, url: next.href};
		});
		const records = await sendVariants(requests, env);
		if (budgetExhausted(records)) {
			return {probes: records, ...skipped('skipped: request budget used up')};
		}

		const findings = variants.flatMap((variant, index) => judge(variant, records[index]!, plan.originalStatus, url.pathname));
		const decides = findings.some(finding => finding.mark === 'fail');
		return {
			findings,
			probes: records,
			summary: variants.map((variant, index) => `${variant.path} → ${statusText(records[index]!)}`).join(', '),
			mark: decides ? 'fail' : 'ok',
		};
	},
};

function judge(variant: PathVariant, record: ProbeRecord, originalStatus: number, original: string): Finding[] {
	const ok = passes(record);
	if (variant.kind === 'index') {
		if (ok) {
			return [{
				code: 'variation.index-file.passes',
				text: `${variant.path} answered ${statusText(record)}: the folder has that file, but the server does not serve it for ${original} — the index setting does not name it.`,
				supports: {'directory-index-missing': 0.6},
				mark: 'fail',
				data: {probes: [record.id]},
			}];
		}

		return record.status === 404
			? [{code: 'variation.index-file.missing', text: `${variant.path} answered 404: the folder has no such index file, and ${original} itself is refused — a folder without index and with listing off.`, supports: {'directory-index-missing': 0.55}, mark: 'fail', data: {probes: [record.id]}}]
			: [];
	}

	if (ok) {
		return [{
			code: `variation.${variant.id}.passes`,
			text: `The URL ${variant.label} (${variant.path}) answered ${statusText(record)}, while ${original} got ${originalStatus}: the URL is off.`,
			// The resource exists under the other name, so a policy refusing this one is not the story.
			supports: {'wrong-url': variant.kind === 'case' ? 0.85 : 0.75, 'object-storage-denied': -0.6, 'server-deny-rule': -0.3},
			mark: 'fail',
			data: {probes: [record.id]},
		}];
	}

	return [];
}
