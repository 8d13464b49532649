/** Matches one path exactly. */
export const exact = (path: string) => (pathname: string) => pathname === path;

/** Matches a folder and everything below it, with or without the trailing slash — like an nginx prefix `location`. */
export const under = (folder: string) => (pathname: string) => pathname === folder || pathname.startsWith(`${folder}/`);

/** The first value of a request header (node:http joins most repeats, but not all). */
export function header(headers: Readonly<Record<string, string | string[] | undefined>>, name: string): string | undefined {
	const value = headers[name];
	return Array.isArray(value) ? value[0] : value;
}
