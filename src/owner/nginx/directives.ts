import type {Directive} from './types.js';

/** Direct children named `name`, in order. */
export function childrenNamed(block: readonly Directive[], name: string): Directive[] {
	return block.filter(directive => directive.name === name);
}

/** The last direct child named `name` (nginx rejects duplicates of most single-value directives). */
export function lastNamed(block: readonly Directive[], name: string): Directive | undefined {
	return block.findLast(directive => directive.name === name);
}

/** A directive as it would be written back, for messages: `deny all;`, `location ^~ /images/`. */
export function directiveText(directive: Directive): string {
	const args = directive.args.map(argument => (argument === '' || /[\s;{}"'#]/.test(argument) ? JSON.stringify(argument) : argument));
	return [directive.name, ...args].join(' ') + (directive.block === undefined ? ';' : '');
}

/** `file:line` for messages. */
export function placeOf(directive: {readonly file: string; readonly line: number}): string {
	return `${directive.file}:${directive.line}`;
}
