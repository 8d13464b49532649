import {serverNow} from '../evidence/clock.js';
import {readSignedUrl} from '../evidence/signed-url/index.js';
import {targetUrl} from './original-request.js';
import type {CheckDefinition} from './types.js';

/** Reads a signed URL's scheme and validity window against the server's clock and the local one. */
export const readSignedUrlCheck: CheckDefinition = {
	name: 'read-signed-url',
	description: 'Recognise a signed or pre-signed URL (S3, CloudFront, GCS, Azure SAS, secure links) and judge its expiry against both clocks.',
	params: {},
	label: () => 'Reading the URL\'s signature',
	async run(_params, context, env) {
		const url = targetUrl(context);
		const primary = context.facts.primary;
		const reading = url === undefined ? undefined : readSignedUrl(url, {now: primary?.receivedAt ?? env.now(), serverDate: primary?.receivedAt === undefined ? undefined : serverNow(primary), method: primary?.method ?? context.input.method});
		if (!reading) {
			return {summary: 'skipped: the URL carries no signature', mark: 'info', skipped: true};
		}

		const problem = reading.findings.find(finding => finding.supports && Object.values(finding.supports).some(weight => (weight ?? 0) > 0));
		return {findings: reading.findings, summary: problem ? problem.text : `${reading.scheme} signed URL, valid by both clocks`, mark: problem ? 'fail' : 'ok'};
	},
};
