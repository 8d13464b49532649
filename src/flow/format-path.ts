import type {PathSegment} from './parse-document.js';

/** `['nodes', 'b', 'run', 0, 'check']` → `nodes.b.run[0].check` */
export function formatPath(at: readonly PathSegment[]): string {
	return at.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}
