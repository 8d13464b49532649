import type {FileTest} from './conditions.js';
import {isFileStat, type NginxIo} from './io.js';

/** `if (-f …)`, `-d`, `-e`, `-x` and their negations, answered from the file system. */
export async function testFile(io: NginxIo, op: FileTest, path: string): Promise<boolean | undefined> {
	const stat = await io.stat(path);
	const exists = isFileStat(stat);
	const positive = (() => {
		switch (op.replace('!', '')) {
			case '-f': {
				return exists && stat.kind === 'file';
			}

			case '-d': {
				return exists && stat.kind === 'directory';
			}

			case '-x': {
				return exists && (stat.mode & 0o111) !== 0;
			}

			default: {
				return exists;
			}
		}
	})();
	return op.startsWith('!') ? !positive : positive;
}
