import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';

/**
Strings that survive minification and exist only in the Ink/React UI code: Ink's raw-mode error (ink
build/components/App.js) and React 19's element tag.
*/
const uiMarkers = ['Raw mode is not supported', 'react.transitional.element'];

/** The built files under `dist` that hold Ink or React, as file URLs. */
export function uiChunks(dist: string): string[] {
	const files = readdirSync(dist, {recursive: true, encoding: 'utf8'}).filter(name => name.endsWith('.js'));
	return files.filter(name => uiMarkers.some(marker => readFileSync(path.join(dist, name), 'utf8').includes(marker))).map(name => pathToFileURL(path.join(dist, name)).href);
}

/** The ES modules a process loaded, from Node's `NODE_DEBUG=esm` trace on its stderr. */
export function loadedModules(stderr: string): string[] {
	return [...stderr.matchAll(/Translating StandardModule (file:\S+)/g)].map(match => match[1]!);
}
