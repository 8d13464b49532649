import type {CauseId, Role} from './cause-ids.js';

/** What the report says about a cause whatever the evidence: its title and the fix steps for each role. */
export type CauseEntry = {
	readonly title: string;
	readonly fix: Readonly<Record<Role, readonly string[]>>;
};

const askOwner = 'If it is not your site, send the site owner the Markdown transcript (fix403 --transcript report.md): it names the rule and the time of the block.';

/**
The cause catalogue. Fix steps are general; findings add the concrete ones (the exact chmod, the config
line, the Ray ID), which the report puts first.
*/
export const catalogue: Readonly<Record<CauseId, CauseEntry>> = {
	'waf-challenge': {
		title: 'A JavaScript/CAPTCHA challenge page stands in front of the resource',
		fix: {
			visitor: ['Open the URL in a regular, up-to-date browser with JavaScript and cookies enabled, and complete the challenge.', 'Turn off VPNs, privacy extensions or user-agent switchers that make the challenge fail or repeat.', askOwner],
			api: ['A challenge cannot be solved by an API client: ask the site owner to exempt the API path or your client (a WAF skip rule, an API token, or a bot-management exception) instead of scripting around it.', 'Send the challenged request again only after the exemption is in place.'],
			owner: ['Find the rule that issues the challenge (Cloudflare: Security → Events, filter by the Ray ID) and narrow it.', 'Exempt API and machine-to-machine paths from challenges (a skip rule for the path or for authenticated clients); challenges only work in browsers.'],
		},
	},
	'waf-rule-block': {
		title: 'A WAF/CDN security rule matched the request and blocked it',
		fix: {
			visitor: ['Retry without unusual characters in the URL or form fields (SQL- or script-like text trips WAF rules).', askOwner],
			api: ['Look at what in the request matched (payload, path, query, headers): WAF rules often match JSON bodies that look like SQL or scripts.', 'Ask the site owner for the rule id behind the block and an exception for your client or path.'],
			owner: ['Look the block up in the WAF/CDN event log by the reference id in the response, and read which rule matched and why.', 'If it is a false positive, add a narrow exception (that rule, that path or parameter) rather than disabling the WAF.'],
		},
	},
	'bot-block': {
		title: 'Blocked for looking automated (user agent, TLS fingerprint or bot score)',
		fix: {
			visitor: ['Use a regular browser; command-line tools, headless browsers and unusual user agents are blocked here.', askOwner],
			api: ['Send a truthful, descriptive User-Agent and use the site\'s API or an API key instead of scraping pages.', 'Ask the site owner to allow-list your client (verified bot, API token or IP exception).'],
			owner: ['Check the rule or bot-management setting that matches this user agent (an nginx/Apache user-agent rule, Browser Integrity Check, Bot Fight Mode, a bot score threshold).', 'Exempt known good clients (monitoring, partners, your own API consumers) with a narrow rule instead of turning bot protection off.'],
		},
	},
	'rate-limited': {
		title: 'Too many requests: a rate limit or temporary ban',
		fix: {
			visitor: ['Wait for the time the response gives (Retry-After), then try again; do not keep reloading, it extends the ban.', askOwner],
			api: ['Honour Retry-After and the RateLimit/X-RateLimit headers: back off exponentially and cap concurrency.', 'Authenticate if the API gives authenticated clients a higher limit; cache responses instead of refetching.'],
			owner: ['Check the rate-limit rule that answered (its threshold, window and key) against real traffic, and raise it for legitimate clients.', 'Answer 429 with Retry-After rather than 403 so clients can back off correctly.'],
		},
	},
	'geo-block': {
		title: 'Blocked for the client\'s country or region',
		fix: {
			visitor: ['The site blocks your country or region; a VPN or proxy may also place you somewhere blocked — try without it.', askOwner],
			api: ['Call from a region the service allows, or ask the provider to allow yours.'],
			owner: ['Review the country rule (CDN/WAF geo rule, GeoIP module) and whether this client\'s country should be blocked.', 'If the block is legal (sanctions, licensing), answer 451 with the reason instead of 403.'],
		},
	},
	'ip-allowlist': {
		title: 'Only listed addresses may reach the resource',
		fix: {
			visitor: ['Connect from an allowed network (office network or VPN) and try again.', askOwner],
			api: ['Call from an allowed address, or ask the owner to add your egress IP (find it with `curl https://ifconfig.me`).'],
			owner: ['Add the client\'s address to the allow list named in the evidence, or remove the list if the resource is public.', 'Behind a proxy or CDN, make the server see the real client address (nginx real_ip / Apache mod_remoteip) before judging it.'],
		},
	},
	'server-deny-rule': {
		title: 'A server rule forbids this path for everyone',
		fix: {
			visitor: ['Nothing on your side can change this: the server refuses the path for every visitor.', askOwner],
			api: ['The path is closed on the server for every client: check you are calling the documented endpoint, then ask the owner.'],
			owner: ['Remove or narrow the rule named in the evidence (nginx `deny all;` / `return 403;`, Apache `Require all denied` / `Deny from all`), then reload the server.', 'Test the config before reloading: `nginx -t` or `apachectl configtest`.'],
		},
	},
	'directory-index-missing': {
		title: 'A folder was requested, it has no index file, and listing is off',
		fix: {
			visitor: ['The URL points at a folder; add the file name you meant (for example index.html), or look for the right link on the site.'],
			api: ['Request a file, not a folder: add the resource name to the path.'],
			owner: ['Put an index file in the folder (index.html, or what `index`/`DirectoryIndex` names), or point `index`/`DirectoryIndex` at the file that is there.', 'Only if a listing is intended: `autoindex on;` (nginx) or `Options +Indexes` (Apache) for that folder.'],
		},
	},
	'file-permissions': {
		title: 'The server\'s user cannot read the file or traverse a folder above it',
		fix: {
			visitor: ['The server cannot read the file; only the site owner can fix this.', askOwner],
			api: ['The server cannot read the file behind this endpoint; report it to the owner.'],
			owner: ['Give the web-server user the least access it needs: execute (x) on every folder down to the file and read (r) on the file — see the exact commands in the evidence.', 'Never chmod 777: grant the group or "other" the single bit that is missing, or use an ACL for the web-server user.'],
		},
	},
	'symlink-blocked': {
		title: 'The path goes through a symbolic link the server will not follow',
		fix: {
			visitor: ['Only the site owner can fix this.', askOwner],
			api: ['Only the site owner can fix this; report it with the transcript.'],
			owner: ['Either replace the link by the real folder/file, or allow links for that folder: nginx `disable_symlinks off;` (or `if_not_owner` with matching owners), Apache `Options +FollowSymLinks` (or `SymLinksIfOwnerMatch` with the link and target owned by the same user).'],
		},
	},
	'method-blocked': {
		title: 'This HTTP method is forbidden here while others are allowed',
		fix: {
			visitor: ['The page refuses this kind of request (for example a form POST); reload the page and try again, or report it.', askOwner],
			api: ['Use the method the endpoint documents (the evidence shows which methods pass).'],
			owner: ['Allow the method where the rule restricts it (nginx `limit_except`, Apache `<LimitExcept>`/`<Limit>` or a method rewrite rule), if the application needs it.'],
		},
	},
	'php-fpm-denied': {
		title: 'PHP-FPM refused the script',
		fix: {
			visitor: ['Only the site owner can fix this.', askOwner],
			api: ['Only the site owner can fix this; report it with the transcript.'],
			owner: ['Only pass real .php files to PHP-FPM (a `location ~ \\.php$` that matches just them), or add the needed extension to `security.limit_extensions` in the pool config.', 'Make sure the pool user can read the script and the web-server user can connect to the FPM socket (`listen.owner`/`listen.group`/`listen.mode`).'],
		},
	},
	'missing-credentials': {
		title: 'The resource needs a token, key or login that the request did not carry',
		fix: {
			visitor: ['Log in first (or use the link the site gave you), then open the URL again in the same browser.'],
			api: ['Send the credentials the API expects (for example `Authorization: Bearer <token>` or its API-key header) — check the name of the header and that a proxy does not strip it.'],
			owner: ['If the resource should be public, remove the authentication requirement for it; otherwise answer 401 with a WWW-Authenticate header so clients know to authenticate.'],
		},
	},
	'token-expired': {
		title: 'The token carried has expired (or is not yet valid)',
		fix: {
			visitor: ['Log out and log in again to get a fresh session.'],
			api: ['Get a new access token (refresh it) and retry; refresh before `exp`, allowing for clock differences.', 'If the token is "not yet valid", check the clock of the machine that issued or uses it.'],
			owner: ['Check token lifetimes and the leeway your validator allows for clock differences.'],
		},
	},
	'token-invalid': {
		title: 'The token is malformed, has a bad signature, or is for another audience or issuer',
		fix: {
			visitor: ['Log out and log in again.'],
			api: ['Request a token for this API: its audience (`aud`) and issuer (`iss`) must match what the API expects; do not reuse a token minted for another service or environment.', 'Send the token unmodified (no quotes, no truncation, no extra spaces).'],
			owner: ['Check the expected issuer/audience and signing keys (JWKS) of the API against the token\'s claims shown in the evidence.'],
		},
	},
	'insufficient-scope': {
		title: 'Authenticated, but the identity lacks the role or scope this resource needs',
		fix: {
			visitor: ['Your account lacks access to this page; ask an administrator for the right role.'],
			api: ['Request a token with the scope the API names (see the evidence), or grant the role to the client/service account.'],
			owner: ['Grant the user or client the role/scope the resource requires, or relax the requirement if it is wrong.'],
		},
	},
	'session-expired': {
		title: 'The server-side session is gone while the client still sends its cookie',
		fix: {
			visitor: ['Log out and log in again (or delete this site\'s cookies), then retry.'],
			api: ['Re-authenticate to get a new session cookie; do not reuse a session across server restarts or after logout.'],
			owner: ['When a session is unknown, clear the cookie and answer 401 or redirect to login rather than 403, so clients recover by themselves.'],
		},
	},
	'csrf-failed': {
		title: 'A CSRF token or origin check failed',
		fix: {
			visitor: ['Reload the form page (to get a fresh token) and submit again; allow cookies for the site.'],
			api: ['Send the CSRF token the framework expects (cookie plus header, e.g. X-CSRFToken) and a matching Origin/Referer — or use the API\'s token-authenticated endpoints that are exempt from CSRF.'],
			owner: ['Check the trusted origins (e.g. Django CSRF_TRUSTED_ORIGINS with the scheme) and that the proxy passes the original Host and scheme.'],
		},
	},
	'hotlink-protection': {
		title: 'The Referer (or its absence) is not allowed',
		fix: {
			visitor: ['Open the file from a page of the site itself (or directly, if that is allowed); privacy extensions that strip or forge the Referer cause this.'],
			api: ['Send a Referer the site allows, or fetch the resource through the site\'s API.'],
			owner: ['Adjust the referer rule (nginx `valid_referers`, Apache `RewriteCond %{HTTP_REFERER}`, CDN hotlink protection): allow `none` if direct visits should work, and your own domains.'],
		},
	},
	'signed-url-expired': {
		title: 'A signed or pre-signed URL has expired',
		fix: {
			visitor: ['Ask for a fresh link: signed links stop working after their expiry time.'],
			api: ['Generate a new signed URL just before using it, with an expiry long enough for the download; temporary credentials end the URL\'s life early.'],
			owner: ['Issue links with an expiry that fits how they are used; sign with long-lived credentials if links must outlive a session.'],
		},
	},
	'signed-url-invalid': {
		title: 'A signed URL\'s signature is missing, altered, or for other parameters',
		fix: {
			visitor: ['Use the link exactly as you received it: copying can cut off or re-encode its parameters.'],
			api: ['Sign exactly the method, host, path, query and headers you send; do not add or reorder parameters after signing; use the right region and secret.'],
			owner: ['Check that the signing key/secret and the algorithm match what the server verifies with.'],
		},
	},
	'object-storage-denied': {
		title: 'The object store (S3, GCS, Azure Blob) denied access by policy or ACL',
		fix: {
			visitor: ['The file is private; ask the owner for a shared or signed link.'],
			api: ['Check the identity the request uses (access key, service account, SAS) has read permission on this object; a missing object also answers 403 when listing is not allowed.'],
			owner: ['Grant read access to the caller (bucket policy, IAM role, ACL, SAS permissions) or serve the object through a signed URL/CDN; check Block Public Access and KMS key permissions.'],
		},
	},
	'clock-skew': {
		title: 'The client\'s clock is too far off for a time-limited signature',
		fix: {
			visitor: ['Set your computer\'s clock to the correct time (enable automatic time), then get a fresh link.'],
			api: ['Synchronise the clock of the machine that signs requests (NTP: `timedatectl set-ntp true`); signatures are only valid within minutes of the server\'s time.'],
			owner: ['Synchronise the clock of the machine that signs the URLs (NTP).'],
		},
	},
	'tls-rejected': {
		title: 'The TLS version, cipher, client certificate or certificate validity caused the refusal',
		fix: {
			visitor: ['Use https:// (not http://), an up-to-date browser, and the client certificate the site expects if it uses one.'],
			api: ['Connect with TLS 1.2 or later and present the client certificate the API requires (curl --cert/--key); use https:// URLs.'],
			owner: ['Check SSL requirements on the resource (SSLRequireSSL, SSLVerifyClient, IIS "Require SSL") and the client CA list; redirect http:// to https:// instead of refusing.'],
		},
	},
	'client-state': {
		title: 'Stale cookies, cache or extensions cause it; a clean request succeeds',
		fix: {
			visitor: ['Clear this site\'s cookies and cache (or try a private window), and disable extensions one at a time to find the culprit.'],
			api: ['Start from a clean client: drop stored cookies and cached headers, then retry.'],
			owner: ['Find which cookie triggers the refusal (the evidence shows the request without cookies passes) and make the server ignore or reset it.'],
		},
	},
	'wrong-url': {
		title: 'The URL is not the intended resource (typo, case, trailing slash, wrong route)',
		fix: {
			visitor: ['Use the working URL shown in the evidence (letter case, trailing slash and file name matter).'],
			api: ['Call the documented route exactly (the evidence shows the variant that works); check the stage/version prefix and the method.'],
			owner: ['Redirect the common wrong form of the URL to the right one, and answer 404 (not 403) for paths that do not exist.'],
		},
	},
};
