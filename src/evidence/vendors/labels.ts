import type {Vendor} from '../types.js';

/** How each vendor is named in sentences. */
export const vendorLabel: Readonly<Record<Vendor, string>> = {
	cloudflare: 'Cloudflare',
	akamai: 'Akamai',
	fastly: 'Fastly',
	imperva: 'Imperva',
	'aws-cloudfront': 'Amazon CloudFront',
	'aws-waf': 'AWS WAF',
	'aws-alb': 'an AWS Application Load Balancer',
	'aws-api-gateway': 'Amazon API Gateway',
	'aws-s3': 'Amazon S3',
	sucuri: 'the Sucuri Website Firewall',
	f5: 'F5 BIG-IP',
	modsecurity: 'ModSecurity',
	'azure-front-door': 'Azure Front Door',
	'azure-app-gateway': 'Azure Application Gateway',
	'azure-blob': 'Azure Blob Storage',
	'google-cloud-armor': 'Google Cloud Armor',
	gcs: 'Google Cloud Storage',
	vercel: 'Vercel',
	netlify: 'Netlify',
	nginx: 'nginx',
	apache: 'Apache httpd',
	iis: 'Microsoft IIS',
	datadome: 'DataDome',
	perimeterx: 'HUMAN (PerimeterX)',
	kasada: 'Kasada',
};

/**
Position on the way from client to resource, outermost first: CDNs and edge firewalls, then firewalls attached to
them, gateways and load balancers, modules inside the origin server, the origin server, and storage behind it.
*/
export const pathRank: Readonly<Record<Vendor, number>> = {
	cloudflare: 10,
	akamai: 10,
	fastly: 10,
	imperva: 10,
	sucuri: 10,
	'aws-cloudfront': 10,
	'azure-front-door': 10,
	'google-cloud-armor': 10,
	vercel: 10,
	netlify: 10,
	'aws-alb': 30,
	'aws-api-gateway': 30,
	'azure-app-gateway': 30,
	f5: 30,
	'aws-waf': 35,
	modsecurity: 40,
	nginx: 50,
	apache: 50,
	iis: 50,
	'aws-s3': 60,
	'azure-blob': 60,
	gcs: 60,
	// Bot managers run at the edge, beside the CDN that hosts them.
	datadome: 15,
	perimeterx: 15,
	kasada: 15,
};
