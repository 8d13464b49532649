import type {Finding} from '../types.js';
import {isBlockStatus, type Page} from './page.js';
import type {Sighting} from './types.js';

/**
Bot managers (DataDome, HUMAN/PerimeterX, Kasada). Their cookies and headers ride on ordinary pages, so only
their challenge/block pages on a refusing status count.
*/
function dataDome(page: Page): Sighting | undefined {
	const page403 = page.raw.includes('captcha-delivery.com') || page.raw.includes('var dd={');
	if (!isBlockStatus(page) || !(page403 || page.has('x-dd-b'))) {
		return undefined;
	}

	// In the page's `dd` object, t:'bv' is DataDome's "banned visitor" verdict; t:'fe' offers a solvable CAPTCHA.
	const banned = /['"]t['"]\s*:\s*['"]bv['"]/.test(page.raw);
	const header = page.has('x-datadome') || page.server === 'datadome' || page.cookies.includes('datadome');
	const finding: Finding = banned
		? {code: 'vendor.datadome.banned', text: 'DataDome answered with its block page and a "banned visitor" verdict: it classified the client as a bot and offers no way through.',
			supports: {'bot-block': 0.85}, fix: {api: ['DataDome judged this client (its IP, TLS or browser fingerprint) a bot; only the site owner can allow it.'], visitor: ['Try from another network or an ordinary browser; if that fails, contact the site owner.']}, mark: 'fail', data: {header}}
		: {code: 'vendor.datadome.challenge', text: 'DataDome answered with its CAPTCHA/device-check page instead of the resource.',
			supports: {'waf-challenge': 0.75, 'bot-block': 0.4}, fix: {visitor: ['Open the URL in an ordinary browser and complete the check; the datadome cookie it sets lets later requests through.'], api: ['Scripts cannot pass DataDome\'s check; ask the site owner to allow your client.']}, mark: 'fail', data: {header}};
	return {vendor: 'datadome', layer: 'bot-manager', claims: true, kind: banned ? 'bot-block' : 'challenge', findings: [{...finding, vendor: 'datadome'}]};
}

function perimeterX(page: Page): Sighting | undefined {
	const markup = ['px-captcha', '_pxappid', 'captcha.px-cdn.net', 'perimeterx.net', 'perimeterx assignments'].some(marker => page.raw.includes(marker));
	const words = page.lower.includes('press & hold') || page.lower.includes('we believe you are using automation tools');
	if (!isBlockStatus(page) || !(markup || (words && page.cookies.some(name => name.startsWith('_px'))) || page.has('x-px-blocked'))) {
		return undefined;
	}

	return {vendor: 'perimeterx', layer: 'bot-manager', claims: true, kind: 'challenge', findings: [{
		vendor: 'perimeterx',
		code: 'vendor.perimeterx.challenge',
		text: 'HUMAN (PerimeterX) answered with its "Press & Hold" bot check: it suspects the client is automated.',
		supports: {'waf-challenge': 0.7, 'bot-block': 0.6},
		fix: {visitor: ['Open the URL in an ordinary browser and complete the Press & Hold check.'], api: ['HUMAN judged this client automated; ask the site owner to allow it.']},
		mark: 'fail',
	}]};
}

function kasada(page: Page): Sighting | undefined {
	const markup = page.raw.includes('kpsdk') || page.raw.includes('149e9513-01fa-4fb0-aad4-566afd725d1b');
	if (!isBlockStatus(page) || !(markup || page.has('x-kpsdk-ct'))) {
		return undefined;
	}

	return {vendor: 'kasada', layer: 'bot-manager', claims: true, kind: 'challenge', findings: [{
		vendor: 'kasada',
		code: 'vendor.kasada.challenge',
		text: `Kasada answered ${page.status} with its proof-of-work challenge instead of the resource${page.status === 429 ? ' (its 429 is a bot check, not a rate limit)' : ''}.`,
		supports: {'waf-challenge': 0.7, 'bot-block': 0.5},
		fix: {api: ['Scripts cannot pass Kasada\'s challenge; ask the site owner to allow your client.'], visitor: ['Open the URL in an ordinary, unmodified browser.']},
		mark: 'fail',
	}]};
}

export function readBotManagers(page: Page): Sighting[] {
	return [dataDome(page), perimeterX(page), kasada(page)].filter(sighting => sighting !== undefined);
}
