/**
Quotes one argument for a POSIX shell so a fix command can be pasted as is. Paths come from the server's
file system and may hold spaces, quotes or `$`; plain paths stay unquoted for readability.
*/
export function shellQuote(argument: string): string {
	if (/^[\w@%+=:,./-]+$/.test(argument)) {
		return argument;
	}

	return `'${argument.replaceAll('\'', '\'\\\'\'')}'`;
}
