import type {Finding} from '../../evidence/types.js';
import type {BlockKind} from './dir-conf.js';

/** One section that merged into the request's configuration, in merge order. */
export type AppliedSection = {
	readonly kind: BlockKind;
	readonly label: string;
	readonly file: string;
	readonly line: number;
};

/** What `analyzeApache` concludes for one request. */
export type ApacheAnalysis = {
	/** The server that answers: `<VirtualHost *:80> (example.com)` or `main server`, with why and where. */
	readonly vhost: {readonly name: string; readonly reason: string; readonly file?: string; readonly line?: number};
	/** The file-system path the URL maps to, when it maps to one. */
	readonly mappedPath?: string;
	/** The directive that mapped it (DocumentRoot or Alias). */
	readonly mappedBy?: {readonly text: string; readonly file: string; readonly line: number};
	readonly sections: readonly AppliedSection[];
	/** Refusals first, in the order httpd meets them; then notes; `apache.config-allows` when nothing refuses. */
	readonly findings: readonly Finding[];
	/** `forbidden` when a refusal is certain, `allowed` when nothing refuses, `unknown` when only uncertain ones do. */
	readonly verdict: 'forbidden' | 'allowed' | 'unknown';
};
