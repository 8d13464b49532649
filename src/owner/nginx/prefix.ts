import path from 'node:path';

/**
A best guess at nginx's prefix when nobody said: Debian/Ubuntu builds use `/usr/share/nginx` with the
config in `/etc/nginx`; upstream builds keep `<prefix>/conf/nginx.conf`. Only relative `root`/log paths
depend on it.
*/
export function defaultPrefixFor(confDir: string): string {
	if (confDir === '/etc/nginx') {
		return '/usr/share/nginx';
	}

	return path.basename(confDir) === 'conf' ? path.dirname(confDir) : confDir;
}
