import type {Directive} from './types.js';

/**
The blocks whose directives apply to a request, outermost first: `http`, `server`, each location of the
chain, then blocks that apply on top (a true `if` in the location, a `limit_except` for other methods).
*/
export type RequestContext = {
	readonly http: Directive;
	readonly server: Directive;
	readonly locations: readonly Directive[];
	readonly extra: readonly Directive[];
};

export function contextLevels(context: RequestContext): ReadonlyArray<readonly Directive[]> {
	return [context.http, context.server, ...context.locations, ...context.extra].map(block => block.block ?? []);
}

/**
nginx's usual inheritance: the innermost level that sets any of `names` wins as a whole and outer levels
are ignored (so `allow`/`deny` in a location replace, not extend, the server's list).
*/
export function inheritedDirectives(context: RequestContext, names: readonly string[]): {directives: Directive[]; level: number} | undefined {
	const levels = contextLevels(context);
	for (let level = levels.length - 1; level >= 0; level--) {
		const directives = levels[level]!.filter(directive => names.includes(directive.name));
		if (directives.length > 0) {
			return {directives, level};
		}
	}

	return undefined;
}

/** The innermost directive named `name`, the value a single-value directive takes in this context. */
export function inheritedDirective(context: RequestContext, name: string): Directive | undefined {
	return inheritedDirectives(context, [name])?.directives.at(-1);
}

/** Whether a directive was set in the block that handles the request or came from an outer block. */
export function isInherited(context: RequestContext, level: number): boolean {
	return level < contextLevels(context).length - 1;
}

/** The block that handles the request: the innermost location, or the server when no location matched. */
export function handlingBlock(context: RequestContext): Directive {
	return context.locations.at(-1) ?? context.server;
}
