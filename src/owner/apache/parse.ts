import {ApacheConfigError} from './errors.js';
import {logicalLines, splitWords} from './tokenize.js';
import type {ApacheNode, ApacheSection} from './types.js';

const needsArguments = new Set([
	'virtualhost', 'directory', 'directorymatch', 'files', 'filesmatch', 'location', 'locationmatch', 'if', 'elseif',
	'ifmodule', 'ifdefine', 'iffile', 'limit', 'limitexcept', 'proxy', 'proxymatch',
]);

type OpenSection = {
	readonly name: string;
	readonly raw: string;
	readonly line: number;
	readonly children: ApacheNode[];
};

/**
Parses one file's text into directives and sections, keeping file and line of each (pure: `Include`s stay
directives for the loader). Throws `ApacheConfigError` for what httpd would refuse to start with: a section
header without its closing `>`, a `</X>` that closes nothing or the wrong section, a section left open.
*/
export function parseConfigText(text: string, file: string): ApacheNode[] {
	const root: ApacheNode[] = [];
	const stack: OpenSection[] = [];
	const current = () => stack.at(-1)?.children ?? root;
	for (const {text: lineText, line, lastLine} of logicalLines(text)) {
		if (lineText.startsWith('</')) {
			const name = lineText.slice(2).replace(/>.*$/s, '').trim();
			const open = stack.pop();
			if (!open) {
				throw new ApacheConfigError('APACHE_CONFIG_SYNTAX', file, line, `</${name}> without matching <${name}> section`);
			}

			if (open.name.toLowerCase() !== name.toLowerCase()) {
				throw new ApacheConfigError('APACHE_CONFIG_SYNTAX', file, line, `Expected </${open.name}> but saw </${name}>`);
			}

			const section: ApacheSection = {
				kind: 'section', name: open.name, raw: open.raw, args: splitWords(open.raw), file, line: open.line, children: open.children,
			};
			current().push(section);
			continue;
		}

		if (lineText.startsWith('<')) {
			const match = /^<([^\s>]+)(.*)$/s.exec(lineText);
			const name = match?.[1] ?? '';
			const rest = (match?.[2] ?? '').trim();
			if (name === '') {
				throw new ApacheConfigError('APACHE_CONFIG_SYNTAX', file, line, 'Section name missing after "<"');
			}

			if (!rest.endsWith('>')) {
				throw new ApacheConfigError('APACHE_CONFIG_SYNTAX', file, line, `<${name}> directive missing closing '>'`);
			}

			const raw = rest.slice(0, -1).trim();
			if (raw === '' && needsArguments.has(name.toLowerCase())) {
				throw new ApacheConfigError('APACHE_CONFIG_SYNTAX', file, line, `<${name}> directive requires additional arguments`);
			}

			stack.push({name, raw, line, children: []});
			continue;
		}

		const match = /^(\S+)\s*(.*)$/s.exec(lineText);
		const name = match?.[1] ?? lineText;
		const raw = match?.[2] ?? '';
		current().push({kind: 'directive', name, raw, args: splitWords(raw), file, line, ...(lastLine === line ? {} : {lastLine})});
	}

	const unclosed = stack.at(-1);
	if (unclosed) {
		throw new ApacheConfigError('APACHE_CONFIG_SYNTAX', file, unclosed.line, `<${unclosed.name}> was not closed`);
	}

	return root;
}

/** Case-insensitive name test; httpd directive and section names ignore case. */
export function isNamed(node: ApacheNode, ...names: string[]): boolean {
	const lower = node.name.toLowerCase();
	return names.some(name => name.toLowerCase() === lower);
}
