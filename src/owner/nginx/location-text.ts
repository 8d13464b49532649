import type {RequestContext} from './context.js';
import {locationPattern} from './select-location.js';

/** The handling location's pattern as written (`^~ /images/`), or '' when the server block handles it. */
export function locationMatchText(context: RequestContext): string {
	const location = context.locations.at(-1);
	if (location === undefined) {
		return '';
	}

	const {modifier, pattern} = locationPattern(location);
	return modifier === '' || modifier === '@' ? pattern : `${modifier} ${pattern}`;
}
