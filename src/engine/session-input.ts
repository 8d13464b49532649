import type {Role} from '../diagnosis/cause-ids.js';
import type {TranscriptEntry} from '../report/types.js';

/** Everything the user told the tool before the first question: command-line options, or the lab's setup. */
export type SessionInput = {
	readonly url?: string;
	readonly method: string;
	/** `-H` headers in the order given (not including cookie/token/referer/user agent, which have their own fields). */
	readonly headers: ReadonlyArray<readonly [string, string]>;
	readonly cookie?: string;
	readonly token?: string;
	readonly referer?: string;
	readonly userAgent?: string;
	readonly body?: string;
	readonly role?: Role;
	/** Support-agent mode: questions are phrased to relay, evidence comes from the customer. */
	readonly agent: boolean;
	readonly docroot?: string;
	readonly webUser?: string;
	readonly nginxConf?: string;
	readonly apacheConf?: string;
	readonly accessLog?: string;
	readonly errorLog?: string;
	readonly phpFpmConf?: string;
	/** The client address the server sees, for allow-list judgements on the server (owner role). */
	readonly clientAddress?: string;
	readonly har?: string;
	readonly headersFile?: string;
	/** Text of `--headers-file -` read from stdin (stdin is read once, up front). */
	readonly headersText?: string;
	/** `--answer ID=VALUE`, in order. */
	readonly answers: Readonly<Record<string, string>>;
	readonly maxRequests: number;
	readonly timeoutMs: number;
	/** False with `--no-probe`: nothing is sent to the target. */
	readonly probe: boolean;
	readonly insecure: boolean;
	/** Answers carried over from the run before "check again"; asked of nobody, marked "as before". */
	readonly previousAnswers?: Readonly<Record<string, string>>;
	/** The conversation before "check again", kept at the head of the new run's transcript. */
	readonly priorTranscript?: readonly TranscriptEntry[];
	/** Extra header names to redact, on top of the built-in list. */
	readonly redactHeaders: readonly string[];
};

export const defaultInput: SessionInput = {
	method: 'GET',
	headers: [],
	agent: false,
	answers: {},
	maxRequests: 12,
	timeoutMs: 10_000,
	probe: true,
	insecure: false,
	redactHeaders: [],
};
