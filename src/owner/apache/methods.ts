/** Which methods a directive applies to: all, those of `<Limit …>`, or all but those of `<LimitExcept …>`. */
export type MethodScope =
	| {readonly kind: 'all'}
	| {readonly kind: 'only' | 'except'; readonly methods: readonly string[]};

export const allMethods: MethodScope = {kind: 'all'};

/** httpd gives HEAD the method number of GET, so `<Limit GET>` covers HEAD too. */
export function methodApplies(scope: MethodScope, method: string): boolean {
	const wanted = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
	if (scope.kind === 'all') {
		return true;
	}

	const listed = scope.methods.some(name => name.toUpperCase() === wanted);
	return scope.kind === 'only' ? listed : !listed;
}

/** `<LimitExcept GET>` as written, for sentences. */
export function describeMethods(scope: MethodScope): string {
	return scope.kind === 'all' ? 'all methods' : `${scope.kind === 'only' ? '<Limit' : '<LimitExcept'} ${scope.methods.join(' ')}>`;
}
