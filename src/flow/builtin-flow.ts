import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

/**
Where the built-in flow file lives. The same code runs from `src/` (tests), `dist/` and `dist/chunks/`
(the bundle), so look upwards for the package's `flows/` folder rather than assuming a depth.
*/
export function builtinFlowPath(name = 'fix403.yaml'): string {
	for (let up = 1; up <= 4; up++) {
		const candidate = fileURLToPath(new URL(`${'../'.repeat(up)}flows/${name}`, import.meta.url));
		if (existsSync(candidate)) {
			return candidate;
		}
	}

	throw new Error(`the built-in flow ${name} is missing from this installation`);
}
