import {describe, expect, test} from 'vitest';
import type {Finding} from '../../../src/evidence/types.js';
import {combine, strength} from '../../../src/evidence/vendors/combine.js';
import type {Sighting} from '../../../src/evidence/vendors/types.js';

function finding(code: string, supports?: Finding['supports']): Finding {
	return {code, text: `${code}.`, supports};
}

const cloudflareSeen: Sighting = {vendor: 'cloudflare', layer: 'edge', claims: false, reference: {name: 'Cloudflare Ray ID', value: 'ray-1'}, findings: [finding('vendor.cloudflare.seen')]};
const nginxPage: Sighting = {vendor: 'nginx', layer: 'origin', claims: true, kind: 'generic', findings: [finding('vendor.nginx.default-403', {'server-deny-rule': 0.15})]};

describe('combine', () => {
	test('an origin server\'s stock page never outranks the edge it came through', () => {
		const reading = combine([nginxPage, cloudflareSeen]);
		expect(reading).toMatchObject({vendor: 'cloudflare', via: ['cloudflare', 'nginx'], kind: 'generic', reference: {value: 'ray-1'}});
		expect(reading.findings.map(item => item.code)).toEqual(['vendor.cloudflare.seen', 'vendor.nginx.default-403']);
	});

	test('the most specific claimer wins a tie: the WAF over the CDN that carried its page', () => {
		const cloudfront: Sighting = {vendor: 'aws-cloudfront', layer: 'edge', claims: true, kind: 'geo-block', findings: [finding('a', {'geo-block': 0.7})]};
		const waf: Sighting = {vendor: 'aws-waf', layer: 'waf', claims: true, kind: 'rule-block', findings: [finding('b', {'waf-rule-block': 0.7})]};
		expect(combine([cloudfront, waf])).toMatchObject({vendor: 'aws-waf', kind: 'rule-block', via: ['aws-cloudfront', 'aws-waf']});
	});

	test('a stronger claim beats a more specific but weaker one', () => {
		const edge: Sighting = {vendor: 'cloudflare', layer: 'edge', claims: true, kind: 'challenge', findings: [finding('a', {'waf-challenge': 0.95})]};
		const gateway: Sighting = {vendor: 'aws-api-gateway', layer: 'gateway', claims: true, kind: 'generic', findings: [finding('b', {'missing-credentials': 0.35})]};
		expect(combine([gateway, edge])).toMatchObject({vendor: 'cloudflare', kind: 'challenge'});
	});

	test('a vendor-less producer (a bot manager) lends its kind, the edge lends its name', () => {
		const dataDome: Sighting = {layer: 'bot-manager', claims: true, kind: 'challenge', findings: [finding('vendor.datadome.challenge', {'waf-challenge': 0.75})]};
		expect(combine([dataDome, cloudflareSeen])).toMatchObject({vendor: 'cloudflare', via: ['cloudflare'], kind: 'challenge'});
	});

	test('with nothing else, the object store that answered is the vendor', () => {
		const s3: Sighting = {vendor: 'aws-s3', layer: 'storage', claims: false, findings: [finding('vendor.aws-s3.seen')]};
		expect(combine([s3])).toMatchObject({vendor: 'aws-s3', via: ['aws-s3'], kind: undefined});
	});

	test('a server header alone names no producer', () => {
		const nginxSeen: Sighting = {vendor: 'nginx', layer: 'origin', claims: false, findings: [finding('vendor.nginx.seen')]};
		expect(combine([nginxSeen])).toMatchObject({vendor: undefined, via: ['nginx']});
	});

	test('strength is the strongest support among a sighting\'s findings', () => {
		expect(strength({layer: 'page', claims: true, findings: [finding('a', {'geo-block': 0.3}), finding('b', {'ip-allowlist': 0.6, 'geo-block': 0.1})]})).toBe(0.6);
		expect(strength(cloudflareSeen)).toBe(0);
	});
});
