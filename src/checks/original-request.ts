import type {FlowContext} from '../machine/context.js';
import type {ProbeRequest} from '../net/probe-types.js';

/** The URL under diagnosis: the command line's, else the wizard's answer, else what a HAR/paste named. */
export function targetUrl(context: FlowContext): string | undefined {
	return context.input.url ?? context.answers['url'] ?? context.facts.request?.url;
}

/**
The request exactly as the user described it. Options win over what a HAR or pasted "Copy as cURL" said;
with no User-Agent given, the prober announces itself as fix403.
*/
export function originalRequest(context: FlowContext): ProbeRequest | undefined {
	const url = targetUrl(context);
	if (url === undefined) {
		return undefined;
	}

	const {input, facts} = context;
	const learned = facts.request && facts.request.url === url ? facts.request : undefined;
	// A HAR is redacted on import: its secret headers cannot be replayed, only the rest of the request.
	const replayable = (learned?.headers ?? []).filter(([, value]) => !value.includes('[redacted]'));
	const headers: Array<readonly [string, string]> = [...replayable, ...input.headers];
	const set = (name: string, value: string | undefined) => {
		if (value === undefined) {
			return;
		}

		const index = headers.findIndex(([key]) => key.toLowerCase() === name.toLowerCase());
		if (index === -1) {
			headers.push([name, value]);
		} else {
			headers[index] = [name, value];
		}
	};

	set('User-Agent', input.userAgent);
	set('Referer', input.referer);
	set('Cookie', input.cookie);
	set('Authorization', input.token === undefined ? undefined : `Bearer ${input.token}`);
	const method = input.method !== 'GET' || !learned ? input.method : learned.method;
	return {id: 'original', label: 'your request as described', method, url, headers, body: input.body};
}

export function findHeader(request: ProbeRequest, name: string): string | undefined {
	return request.headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
}

/** A copy of the request with one header set (or removed when value is undefined). */
export function withHeader(request: ProbeRequest, name: string, value: string | undefined): ReadonlyArray<readonly [string, string]> {
	const rest = request.headers.filter(([key]) => key.toLowerCase() !== name.toLowerCase());
	return value === undefined ? rest : [...rest, [name, value]];
}
