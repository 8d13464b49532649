import type {FileFacts} from './types.js';

const typeLetters: Record<FileFacts['kind'], string> = {dir: 'd', file: '-', symlink: 'l', other: '?'};

/** `0o750` → `0750`; special bits (setuid, setgid, sticky) give four significant digits. */
export function octalMode(mode: number): string {
	return (mode & 0o7777).toString(8).padStart(4, '0');
}

/** `dir`, `0o2750` → `drwxr-s---`, the way `ls -l` and `namei -l` print it. */
export function symbolicMode(kind: FileFacts['kind'], mode: number): string {
	const triplet = (bits: number, special: boolean, specialLetter: string): string => {
		const read = bits & 4 ? 'r' : '-';
		const write = bits & 2 ? 'w' : '-';
		const exec = bits & 1;
		const execLetter = special ? (exec ? specialLetter : specialLetter.toUpperCase()) : exec ? 'x' : '-';
		return read + write + execLetter;
	};

	return (
		typeLetters[kind]
		+ triplet((mode >> 6) & 7, (mode & 0o4000) !== 0, 's')
		+ triplet((mode >> 3) & 7, (mode & 0o2000) !== 0, 's')
		+ triplet(mode & 7, (mode & 0o1000) !== 0, 't')
	);
}

/** Bit value of one permission letter within a triplet. */
export function permissionBit(letter: 'r' | 'w' | 'x'): number {
	return letter === 'r' ? 4 : letter === 'w' ? 2 : 1;
}

/** `5` → `r-x` */
export function tripletText(bits: number): string {
	return (bits & 4 ? 'r' : '-') + (bits & 2 ? 'w' : '-') + (bits & 1 ? 'x' : '-');
}
