/** Decodes `%xx` where it forms valid UTF-8; malformed escapes stay as written instead of throwing. */
export function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/** `/a%20b/?x=1#f` → `/a b/`: the path part of a request target (absolute-form URLs too), decoded. */
export function urlPathOf(target: string): string {
	const withoutOrigin = target.replace(/^[a-z][\w+.-]*:\/\/[^/]*/i, '');
	const path = withoutOrigin.split(/[?#]/, 1)[0] ?? '';
	return safeDecode(path === '' ? '/' : path);
}

/** The path of a request line `GET /x?y HTTP/1.1`; undefined when it is not one. */
export function requestLinePath(requestLine: string | undefined): string | undefined {
	const target = requestLine === undefined ? undefined : /^[A-Z][A-Z-]* (\S+)/.exec(requestLine)?.[1];
	return target === undefined ? undefined : urlPathOf(target);
}

function trimSlash(path: string): string {
	return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** What a log line must be about to count: the URL path, and optionally the exact file it maps to. */
export type PathFilter = {readonly urlPath?: string; readonly fsPath?: string};

/**
True when a log line concerns the requested path: its request line or a URL in the message equals the URL
path, or a file-system path in the message is the given `fsPath` or ends with the URL path (the document
root is unknown here). `/` is only matched by request line or exact `fsPath`, since every folder ends in `/`.
*/
export function concernsPath(
	filter: PathFilter,
	paths: {readonly request?: string; readonly url?: string; readonly fs?: string; readonly fsIsFolderAbove?: boolean},
): boolean {
	if (filter.urlPath === undefined && filter.fsPath === undefined) {
		return true;
	}

	const fs = paths.fs === undefined ? undefined : trimSlash(paths.fs);
	if (filter.fsPath !== undefined && fs !== undefined && fs === trimSlash(filter.fsPath)) {
		return true;
	}

	if (filter.urlPath === undefined) {
		return false;
	}

	const wanted = trimSlash(urlPathOf(filter.urlPath));
	const request = requestLinePath(paths.request);
	if (request !== undefined && trimSlash(request) === wanted) {
		return true;
	}

	if (paths.url !== undefined && trimSlash(urlPathOf(paths.url)) === wanted) {
		return true;
	}

	if (fs !== undefined && paths.fsIsFolderAbove) {
		return folderAbove(fs, wanted, filter.fsPath);
	}

	return wanted !== '/' && fs !== undefined && fs.endsWith(wanted);
}

/**
For messages about a folder on the way (Apache AH00529 names `<folder>/.htaccess`): the folder must be one
of the requested path's folders — matched by its URL-path suffix, `/` excluded, or as a prefix of `fsPath`.
*/
function folderAbove(fs: string, wanted: string, fsPath: string | undefined): boolean {
	const folder = fs.replace(/\/\.htaccess$/, '');
	if (fsPath !== undefined && (fsPath === folder || fsPath.startsWith(`${folder}/`))) {
		return true;
	}

	const parts = wanted.split('/').filter(Boolean);
	for (let count = parts.length; count > 0; count--) {
		const suffix = `/${parts.slice(0, count).join('/')}`;
		if (folder.endsWith(suffix)) {
			return true;
		}
	}

	return false;
}
