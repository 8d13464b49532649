/**
Reads the `export NAME=value` lines of Debian's /etc/apache2/envvars (which apache2ctl sources before starting
httpd) without running it: values may use earlier `$NAME`/`${NAME}`; quotes are removed. Shell logic is not
evaluated, so `SUFFIX` keeps the default instance's empty value.
*/
export function parseEnvvars(text: string, inherited: Readonly<Record<string, string>> = {}): Record<string, string> {
	const values: Record<string, string> = {SUFFIX: '', ...inherited};
	for (const rawLine of text.split('\n')) {
		const match = /^\s*export\s+([A-Za-z_]\w*)=(.*)$/.exec(rawLine);
		if (!match?.[1]) {
			continue;
		}

		let value = (match[2] ?? '').trim();
		if (/^(["']).*\1$/.test(value)) {
			value = value.slice(1, -1);
		}

		values[match[1]] = value.replaceAll(/\$\{?([A-Za-z_]\w*)\}?/g, (_whole, name: string) => values[name] ?? '');
	}

	delete values['SUFFIX'];
	return values;
}
