import type {FlowContext} from '../machine/context.js';

/** Placeholders a flow's texts may use; each is filled from what the checks found. */
export const placeholders = ['url', 'host', 'status', 'vendor', 'failure', 'method', 'max'] as const;

/** What a placeholder reads when the session has nothing to fill it with. */
const fallbacks: Record<(typeof placeholders)[number], string> = {
	url: 'the URL',
	host: 'the server',
	status: 'an error',
	vendor: 'an unrecognised server',
	failure: 'no reason given',
	method: 'GET',
	max: '12',
};

/** Fills `{url}`, `{status}`… from the context, with a neutral wording where nothing is known. */
export function fillTemplate(text: string, context: FlowContext): string {
	const url = context.input.url ?? context.answers['url'] ?? context.facts.request?.url ?? context.facts.primary?.url;
	const values: Record<(typeof placeholders)[number], string | undefined> = {
		url,
		host: url ? safeHost(url) : undefined,
		status: context.facts.primary?.status?.toString(),
		vendor: context.facts.vendor,
		// Flow texts end their own sentences.
		failure: context.facts.failure?.message.replace(/\.$/, ''),
		method: context.facts.primary?.method ?? context.input.method,
		max: String(context.input.maxRequests),
	};
	return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
		const key = name as keyof typeof values;
		return Object.hasOwn(values, name) ? (values[key] ?? fallbacks[key]) : whole;
	});
}

function safeHost(url: string): string | undefined {
	try {
		return new URL(url).host;
	} catch {
		return undefined;
	}
}
