import {fnmatch} from './glob.js';
import {ipMatches} from './ip-match.js';

/** ap_expr's binary string and integer comparisons; undefined for operators this reader does not know. */
export function compareValues(operator: string, left: string, right: string): boolean | undefined {
	const numeric = (test: (a: number, b: number) => boolean) => test(Number(left), Number(right));
	switch (operator) {
		case '==': case '=': { return left === right; }
		case '!=': { return left !== right; }
		case '<': { return left < right; }
		case '<=': { return left <= right; }
		case '>': { return left > right; }
		case '>=': { return left >= right; }
		case '-eq': { return numeric((a, b) => a === b); }
		case '-ne': { return numeric((a, b) => a !== b); }
		case '-lt': { return numeric((a, b) => a < b); }
		case '-le': { return numeric((a, b) => a <= b); }
		case '-gt': { return numeric((a, b) => a > b); }
		case '-ge': { return numeric((a, b) => a >= b); }
		case '-ipmatch': { return ipMatches(right, left); }
		case '-strmatch': { return fnmatch(right, left); }
		case '-strcmatch': { return fnmatch(right, left, {caseless: true}); }
		case '-fnmatch': { return fnmatch(right, left, {pathname: true}); }
		default: { return undefined; }
	}
}
