import {version} from './version.js';

if (process.argv.includes('--version')) {
	process.stdout.write(`${version}\n`);
}
