import type {CauseId} from '../diagnosis/cause-ids.js';

/**
What the user would have sent on a lab path: the same request goes to the wizard, the headless engine and
the curl line, so all three see the same 403. Every field is optional; an absent one is not sent.
*/
export type LabPresets = {
	readonly method?: string;
	/** Headers other than cookie, token, referer and user agent, which have their own fields. */
	readonly headers?: ReadonlyArray<readonly [string, string]>;
	/** Sent as `Authorization: Bearer <token>`. */
	readonly token?: string;
	readonly referer?: string;
	readonly cookie?: string;
	readonly userAgent?: string;
	readonly body?: string;
};

/** One broken page of the lab. */
export type LabPath = {
	/** Path and query, as requested (`/files/`, `/reports/q3.pdf?X-Amz-…`). */
	readonly path: string;
	/** `origin` + `path`. */
	readonly url: string;
	/** A short menu label. */
	readonly title: string;
	/** The cause the page reproduces: what a diagnosis should name first. */
	readonly cause: CauseId;
	/** One sentence: the story behind the page, as a trainer would tell it. */
	readonly hint: string;
	/** The status the preset request gets. */
	readonly status: number;
	readonly presets: LabPresets;
};

/** A request as a lab page sees it. Header names are lower case (node:http's `headers`). */
export type LabRequest = {
	readonly method: string;
	readonly url: URL;
	readonly headers: Readonly<Record<string, string | string[] | undefined>>;
	readonly body: string;
	/** Milliseconds since the epoch when the request arrived. */
	readonly now: number;
};

export type LabReply = {
	readonly status: number;
	readonly headers: Readonly<Record<string, string | readonly string[]>>;
	readonly body: string | Uint8Array;
};

/** What one site of the lab needs to know about where it runs. */
export type LabSetting = {
	/** `http://127.0.0.1:<port>` */
	readonly origin: string;
	/** When the lab started; times in presets (token expiry, URL signatures) count from here. */
	readonly startedAt: number;
};

/**
One route: the pages it answers (a path predicate, so a rule can cover a whole prefix the way a server
`location` does) and, for the menu, the broken path it demonstrates. Pages without `path` only support another
(the index file that is missing, the lower-case URL that works).
*/
export type LabRoute = {
	readonly path?: Omit<LabPath, 'url'>;
	readonly matches: (pathname: string) => boolean;
	readonly handle: (request: LabRequest) => LabReply;
};
