import type {RedactContext} from './context.js';
import {redactHeaderValue} from './redact-header-value.js';
import {isSecretFieldName, isSecretHeaderName, isSecretParamName, redactedMarker} from './secret-names.js';

/**
A JWS compact serialisation (three base64url parts, the first a JSON header so it starts `eyJ`) or a JWE
(five parts). Header and claims may stay (CONTRACT.md); the signature, or everything after a JWE's header,
goes.
*/
const jwt = /\beyJ[\w-]{2,}((?:\.[\w-]*){2,4})(?![\w-])/g;

export function redactJwtSignatures(text: string): string {
	return text.replace(jwt, (token: string, tail: string) => {
		const parts = tail.slice(1).split('.');
		let after = '';
		// A sentence-ending dot is not an empty JWS part.
		while (parts.length > 2 && parts.at(-1) === '') {
			parts.pop();
			after += '.';
		}

		const head = token.slice(0, token.length - tail.length);
		if (parts.length === 2) {
			return parts[1] === '' ? token : `${head}.${parts[0]}.${redactedMarker}${after}`;
		}

		return `${head}${'.'.concat(redactedMarker).repeat(parts.length)}${after}`;
	});
}

/** `Name: value` lines, as in `curl -v` (`> `/`< `), HTTPie, raw HTTP and logs. */
const headerLine = /^([ \t]*(?:[<>] ?)?)([!#$%&'*+.^`|~\w-]+)([ \t]*:[ \t]*)([^\r\n]*)/gm;
// Bounded repeats: a body of `http://http://…` or `<input<input…` must not make a scan quadratic.
const url = /\b(?:https?|wss?|ftp):\/\/[^\s"'<>`\\]{1,8192}/gi;
/** `name=value` where a query, form body, cookie or log line has one. */
const pair = /(^|[?&;,\s([{])([\w.-]+)=("[^"]{0,4096}"|[^&\s;#"'<>,)]*)/g;
const jsonPair = /"([^"\\]{1,80})"(\s*:\s*)"((?:[^"\\]|\\.){0,8192})"/g;
const xmlElement = /<([A-Za-z][\w.-]{0,80})>([^<]*)<\/\1>/g;
const htmlTag = /<(?:input|meta)\b[^<>]{0,2048}>/gi;
const authScheme = /\b(Bearer|Basic)(\s+)([\w.~+/-]{8,}=*)(?![\w.~+/=-])/gi;

/** Every text rule, in an order where each later rule sees what the earlier ones left. */
export function redactText(text: string, context: RedactContext): string {
	let out = context.scrub(text);
	out = out.replace(headerLine, (all, lead: string, name: string, colon: string, value: string) => {
		if (!isSecretHeaderName(name, context.extraHeaderNames)) {
			return all;
		}

		return `${lead}${name}${colon}${redactHeaderValue(name, value, context)}`;
	});
	out = out.replace(url, found => context.url(found));
	out = out.replace(pair, (all, lead: string, name: string, value: string) => {
		const secret = lead === '?' || lead === '&' ? isSecretParamName(name) : isSecretFieldName(name);
		if (value === '' || value === '""' || !secret) {
			return all;
		}

		return `${lead}${name}=${value.startsWith('"') ? `"${redactedMarker}"` : redactedMarker}`;
	});
	out = out.replace(jsonPair, (all, name: string, colon: string, value: string) => value === '' || !isSecretFieldName(name) ? all : `"${name}"${colon}"${redactedMarker}"`);
	out = out.replace(xmlElement, (all, name: string, value: string) => value.trim() === '' || !isSecretFieldName(name) ? all : `<${name}>${redactedMarker}</${name}>`);
	out = out.replace(htmlTag, redactHiddenField);
	out = out.replace(authScheme, (_all, scheme: string, gap: string) => `${scheme}${gap}${redactedMarker}`);
	return out;
}

/** `<input name="csrf_token" value="…">`, `<meta name="csrf-token" content="…">`. */
function redactHiddenField(tag: string): string {
	const name = /\b(?:name|property|id)\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1];
	if (name === undefined || !isSecretFieldName(name)) {
		return tag;
	}

	return tag.replace(/\b(value|content)(\s*=\s*)("[^"]*"|'[^']*'|[^\s>]+)/gi, (_all, key: string, equals: string) => `${key}${equals}"${redactedMarker}"`);
}
