import type {WalkEntry, WalkResult} from './types.js';

function groupList(result: WalkResult): string {
	return result.webUser.groups.join(',');
}

function markOf(entry: WalkEntry, isFirst: boolean): string {
	if (isFirst) {
		return '>';
	}

	if (entry.access?.allowed === false || entry.kind === 'missing' || entry.kind === 'unknown') {
		return 'x';
	}

	return ' ';
}

function noteOf(entry: WalkEntry, result: WalkResult, isFirst: boolean): string {
	const user = result.webUser.name;
	if (entry.kind === 'missing') {
		return `  <- does not exist (${entry.error ?? 'ENOENT'})`;
	}

	if (entry.kind === 'unknown') {
		return `  <- cannot inspect (${entry.error ?? 'error'})`;
	}

	if (entry.access?.allowed === false) {
		return `  <- ${isFirst ? 'first block: ' : ''}${user} lacks ${entry.need}`;
	}

	return '';
}

/**
Renders a walk the way `namei -l` does (mode, owner, group, name; the components of a symlink's target
follow the link with their names indented), with a first column marking the first component that stops the web user (`>`) and the others (`x`).
*/
export function renderWalk(result: WalkResult): string {
	const ownerWidth = Math.max(1, ...result.entries.map(entry => (entry.owner ?? '').length));
	const groupWidth = Math.max(1, ...result.entries.map(entry => (entry.group ?? '').length));
	const modeWidth = Math.max(10, ...result.entries.map(entry => (entry.symbolic ?? '').length));
	const lines = [`f: ${result.requested}  (as ${result.webUser.name}: uid ${result.webUser.uid}, groups ${groupList(result)})`];
	for (const [position, entry] of result.entries.entries()) {
		const isFirst = position === result.firstBlocked;
		const indent = '  '.repeat(entry.depth);
		const columns = entry.kind === 'missing' || entry.kind === 'unknown'
			? `${'?'.repeat(modeWidth)} ${'?'.padEnd(ownerWidth)} ${'?'.padEnd(groupWidth)}`
			: `${(entry.symbolic ?? '').padEnd(modeWidth)} ${(entry.owner ?? '').padEnd(ownerWidth)} ${(entry.group ?? '').padEnd(groupWidth)}`;
		const target = entry.linkTarget === undefined ? '' : ` -> ${entry.linkTarget}`;
		lines.push(`${markOf(entry, isFirst)} ${columns} ${indent}${entry.name}${target}${noteOf(entry, result, isFirst)}`);
	}

	if (result.index) {
		lines.push(result.index.found
			? `  index: ${result.index.found.name}${result.index.found.readable ? '' : ' (not readable)'}`
			: `  index: none of ${result.index.candidates.join(', ')}`);
	}

	return lines.join('\n');
}
