import type {CauseId} from '../../diagnosis/cause-ids.js';
import type {Finding} from '../../evidence/types.js';
import type {ConfigBlock} from './dir-conf.js';
import type {ApacheLocation, ApacheNode} from './types.js';

/** `file:line`, for sentences. */
export function where(at: ApacheLocation | undefined): string {
	return at ? `${at.file}:${at.line}` : 'an unknown place';
}

/** Weight of a cause: the first refusal on httpd's path is near-conclusive; later ones and guesses lend less. */
export function weight(decisive: boolean, uncertain: boolean): number {
	if (uncertain) {
		return decisive ? 0.5 : 0.3;
	}

	return decisive ? 0.9 : 0.6;
}

/** A failing Apache finding: one cause, owner-side fix steps, the directive's place and the AH code the error log should show. */
export function refusal(options: {
	code: string;
	text: string;
	cause: CauseId;
	weight: number;
	fix: readonly string[];
	at?: ApacheLocation;
	ahCode?: string;
	uncertain?: boolean;
	data?: Record<string, unknown>;
}): Finding {
	return {
		code: options.code,
		text: options.text,
		supports: {[options.cause]: options.weight},
		vendor: 'apache',
		fix: {owner: options.fix},
		location: options.at ? {file: options.at.file, line: options.at.line} : undefined,
		mark: options.uncertain ? 'warn' : 'fail',
		data: {cause: options.cause, ...(options.ahCode ? {expectedLog: options.ahCode} : {}), ...options.data},
	};
}

/** The block (section or `.htaccess`) a directive was written in, to say "in <Directory /srv/www>". */
export function blockOf(at: ApacheLocation, blocks: readonly ConfigBlock[]): ConfigBlock | undefined {
	const contains = (nodes: readonly ApacheNode[]): boolean => nodes.some(node =>
		(node.file === at.file && node.line === at.line) || (node.kind === 'section' && contains(node.children)));
	return blocks.findLast(block => contains(block.nodes));
}

/** `, in <Directory "/srv/www">` or nothing, to follow a `file:line`. */
export function inBlock(at: ApacheLocation | undefined, blocks: readonly ConfigBlock[]): string {
	const block = at ? blockOf(at, blocks) : undefined;
	return block && block.kind !== 'htaccess' ? `, in ${block.label}` : '';
}

export const reloadStep = 'Check the syntax with "apachectl configtest", then reload Apache ("apachectl graceful" or "systemctl reload apache2").';
