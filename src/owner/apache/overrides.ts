import type {OptionName} from './options.js';
import {optionNames} from './options.js';
import type {ApacheDirective, ApacheLocation, ApacheNode} from './types.js';

export const overrideCategories = ['AuthConfig', 'FileInfo', 'Indexes', 'Limit', 'Options'] as const;
export type OverrideCategory = (typeof overrideCategories)[number];

/** What `AllowOverride`/`AllowOverrideList` permit in `.htaccess` files below a `<Directory>`. */
export type OverridePolicy = {
	readonly categories: ReadonlySet<OverrideCategory>;
	/** `AllowOverride Options=Indexes,…` limits which options `.htaccess` may set; undefined = all. */
	readonly options?: ReadonlySet<OptionName>;
	/** Directive names allowed by `AllowOverrideList`, lower case. */
	readonly directives: ReadonlySet<string>;
	readonly at?: ApacheLocation;
	readonly listAt?: ApacheLocation;
};

/** httpd 2.4 default: `AllowOverride None`, so `.htaccess` files are not even read. */
export const defaultOverridePolicy: OverridePolicy = {categories: new Set(), directives: new Set()};

/** `AllowOverride All | None | AuthConfig FileInfo Indexes Limit Options[=…]`; replaces the categories, keeps the list. */
export function readAllowOverride(directive: ApacheDirective, previous: OverridePolicy): OverridePolicy {
	const categories = new Set<OverrideCategory>();
	let options: Set<OptionName> | undefined;
	for (const word of directive.args) {
		const [name = '', list] = word.split('=', 2);
		if (/^all$/i.test(name)) {
			for (const category of overrideCategories) {
				categories.add(category);
			}
		}

		const category = overrideCategories.find(candidate => candidate.toLowerCase() === name.toLowerCase());
		if (category) {
			categories.add(category);
		}

		if (category === 'Options' && list) {
			options = new Set(optionNames.filter(option => list.toLowerCase().split(',').includes(option.toLowerCase())));
		}
	}

	return {...previous, categories, options, at: {file: directive.file, line: directive.line}};
}

/** `AllowOverrideList Require Redirect …`: single directives allowed in `.htaccess` whatever AllowOverride says. */
export function readAllowOverrideList(directive: ApacheDirective, previous: OverridePolicy): OverridePolicy {
	const names = directive.args.filter(word => !/^none$/i.test(word)).map(word => word.toLowerCase());
	return {...previous, directives: new Set(names), listAt: {file: directive.file, line: directive.line}};
}

/** httpd opens `.htaccess` only when something may be overridden. */
export function readsHtaccess(policy: OverridePolicy): boolean {
	return policy.categories.size > 0 || policy.directives.size > 0;
}

/** The override category httpd's command table gives a directive (lower-case name); containers and unknown names are free. */
const categoryOf: Record<string, readonly OverrideCategory[]> = {};
const table: Array<[readonly OverrideCategory[], string]> = [
	[['AuthConfig'], 'require requireall requireany requirenone authtype authname authuserfile authgroupfile authbasicprovider authdigestprovider authmerging authzsendforbiddenonfailure satisfy sslrequiressl sslrequire sslverifyclient sslverifydepth authbasicauthoritative'],
	[['Limit'], 'order allow deny'],
	[['Limit', 'AuthConfig'], 'limit limitexcept'],
	[['Options'], 'options'],
	[['Indexes'], 'directoryindex directoryslash fallbackresource indexoptions indexignore indexorderdefault headername readmename adddescription addicon defaulticon'],
	[['FileInfo'], 'rewriteengine rewriterule rewritecond rewritebase rewriteoptions errordocument setenvif setenvifnocase browsermatch browsermatchnocase setenv unsetenv redirect redirectmatch redirectpermanent redirecttemp header requestheader addtype addhandler sethandler forcetype removehandler removetype addoutputfilter addcharset adddefaultcharset defaulttype'],
];
for (const [categories, names] of table) {
	for (const name of names.split(' ')) {
		categoryOf[name] = categories;
	}
}

/** Whether a `.htaccess` node is allowed under the policy; `<Files>`, `<If>` and unknown names pass. */
export function allowedInHtaccess(node: ApacheNode, policy: OverridePolicy): boolean {
	const name = node.name.toLowerCase();
	if (policy.directives.has(name)) {
		return true;
	}

	const categories = categoryOf[name];
	return categories === undefined || categories.some(category => policy.categories.has(category));
}
