import type {FlowContext} from '../machine/context.js';

/** Placeholders a flow's texts may use; each is filled from what the checks found. */
export const placeholders = ['url', 'host', 'status', 'vendor', 'failure', 'method', 'max'] as const;

/** Fills `{url}`, `{status}`… from the context; a placeholder with nothing to fill reads "unknown". */
export function fillTemplate(text: string, context: FlowContext): string {
	const url = context.input.url ?? context.answers['url'] ?? context.facts.request?.url ?? context.facts.primary?.url;
	const values: Record<(typeof placeholders)[number], string | undefined> = {
		url,
		host: url ? safeHost(url) : undefined,
		status: context.facts.primary?.status?.toString(),
		vendor: context.facts.vendor,
		failure: context.facts.failure?.message,
		method: context.facts.primary?.method ?? context.input.method,
		max: String(context.input.maxRequests),
	};
	return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? (values[name as keyof typeof values] ?? 'unknown') : whole));
}

function safeHost(url: string): string | undefined {
	try {
		return new URL(url).host;
	} catch {
		return undefined;
	}
}
