import type {CauseId} from '../../diagnosis/cause-ids.js';
import type {Finding, FindingMark} from '../../evidence/types.js';
import {directiveText, placeOf} from './directives.js';
import type {Directive} from './types.js';

/** Weights used across the nginx judges, so their strengths stay comparable. */
export const weight = {
	/** The simulation shows this ends the request with 403. */
	certain: 0.9,
	/** It ends the request with 403 if a condition we could not evaluate holds. */
	conditional: 0.45,
	/** It can produce a 403 in circumstances we cannot see (an auth service, load). */
	possible: 0.35,
	/** Present, but nginx answers another status for it here. */
	unlikely: 0.15,
} as const;

/** The step that every config fix ends with. */
export const reloadStep = 'Check and reload: `nginx -t && nginx -s reload` (or `systemctl reload nginx`).';

export type ConfigFindingInput = {
	readonly code: string;
	readonly text: string;
	readonly cause: CauseId;
	readonly weight: number;
	/** The directive that forbids the request (its file and line become the finding's location). */
	readonly directive?: Directive;
	/** A file system path instead, for findings about files and folders. */
	readonly path?: string;
	readonly fix: readonly string[];
	readonly data?: Readonly<Record<string, unknown>>;
};

/** A finding about the nginx config or the files it serves, for the site owner. */
export function nginxFinding(input: ConfigFindingInput): Finding {
	const mark: FindingMark = input.weight >= 0.7 ? 'fail' : 'warn';
	const location = input.directive === undefined
		? input.path === undefined ? undefined : {file: input.path}
		: {file: input.directive.file, line: input.directive.line};
	return {
		code: input.code,
		text: input.text,
		supports: {[input.cause]: input.weight},
		vendor: 'nginx',
		fix: {owner: input.fix},
		...(location === undefined ? {} : {location}),
		mark,
		data: {
			...(input.directive === undefined ? {} : {directive: directiveText(input.directive), at: placeOf(input.directive)}),
			...input.data,
		},
	};
}

/** "`deny all;` (site.conf:12)" — how findings quote a directive. */
export function quote(directive: Directive): string {
	return `\`${directiveText(directive)}\` (${placeOf(directive)})`;
}

/** Strongest positive support of a finding, for ordering. */
export function strongest(finding: Finding): number {
	return Math.max(0, ...Object.values(finding.supports ?? {}).filter(value => value !== undefined));
}

/** The simulation leads to another status than 403: server-side causes are less likely. */
export function configAllowsFinding(status: number, where: string): Finding {
	return {
		code: status < 400 ? 'nginx.config-allows' : 'nginx.config-predicts-other-status',
		text: `Following the nginx config for this request (${where}) leads to ${status}, not 403: if the client sees 403, it probably comes from elsewhere (a proxy, CDN, application or another server) or from another config than this one.`,
		supports: {'server-deny-rule': -0.4, 'ip-allowlist': -0.4, 'method-blocked': -0.3, 'directory-index-missing': -0.4, 'file-permissions': -0.3, 'symlink-blocked': -0.4},
		vendor: 'nginx',
		mark: 'ok',
		data: {predictedStatus: status},
	};
}
