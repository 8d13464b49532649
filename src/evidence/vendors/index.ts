import type {ResponseView} from '../types.js';
import {readAkamai} from './akamai.js';
import {readApache} from './apache.js';
import {readApiGateway} from './aws-api-gateway.js';
import {readCloudFront} from './aws-cloudfront.js';
import {readAwsWaf} from './aws-waf.js';
import {readAzure} from './azure.js';
import {readBotManagers} from './bot-managers.js';
import {readCloudflare} from './cloudflare.js';
import {combine} from './combine.js';
import {readF5} from './f5.js';
import {readFastly} from './fastly.js';
import {readGenericText} from './generic-text.js';
import {readGoogle} from './google.js';
import {readIis} from './iis.js';
import {readImperva} from './imperva.js';
import {readModSecurity} from './modsecurity.js';
import {readNetlify} from './netlify.js';
import {readNginx} from './nginx.js';
import {readObjectStorage} from './object-storage.js';
import {makePage, type Page} from './page.js';
import {readSucuri} from './sucuri.js';
import type {Sighting, VendorReading} from './types.js';
import {readVercel} from './vercel.js';

export type {BlockKind, VendorReading, VendorReference} from './types.js';

const modules: ReadonlyArray<(page: Page) => Sighting[]> = [
	readCloudflare,
	readAkamai,
	readFastly,
	readImperva,
	readSucuri,
	readCloudFront,
	readAwsWaf,
	readApiGateway,
	readAzure,
	readGoogle,
	readVercel,
	readNetlify,
	readF5,
	readModSecurity,
	readBotManagers,
	readNginx,
	readApache,
	readIis,
	readObjectStorage,
];

/**
Reads which CDN, WAF, cloud service or web server produced a response and what kind of refusal it is. Pure: looks
only at the status, headers and body excerpt. Findings' `supports` point at the contract's cause ids; an empty
reading (no `vendor`, no findings) means nothing recognisable was seen.
*/
export function readVendor(view: ResponseView): VendorReading {
	const page = makePage(view);
	const sightings = modules.flatMap(read => read(page));
	// Vendor-less wording only speaks when no vendor recognised the refusal: it would count the same page twice.
	const claimed = sightings.some(sighting => sighting.claims);
	return combine(claimed ? sightings : [...sightings, ...readGenericText(page)]);
}
