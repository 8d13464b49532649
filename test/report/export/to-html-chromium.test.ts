import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {exportReport, writeExport} from '../../../src/report/export/index.js';
import {type Chromium, evaluate, openPage, startChromium} from '../../helpers/chromium.js';
import {sampleProbe, sampleReport} from '../../helpers/sample-report.js';

/** Markup a hostile server could put in its answer; every piece tries to run or to render. */
const hostile = [
	'<script>window.__pwned = "script"; alert(1)</script>',
	'<img src=x onerror="window.__pwned = \'img\'">',
	'</pre><h1 id="injected">Injected heading</h1><pre>',
	'<a id="jslink" href="javascript:window.__pwned = \'link\'">click me</a>',
	'<style>body { display: none }</style>',
	'<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=\'meta\'">',
	'<iframe srcdoc="<script>parent.__pwned = \'frame\'</script>"></iframe>',
].join('\n');

const report = sampleReport({
	causes: [{
		id: 'waf-rule-block',
		title: 'A WAF rule blocked the request <b>now</b>',
		layer: 'cdn-waf',
		confidence: 0.81,
		evidence: [`The page said: ${hostile}`],
		fix: ['Ask the owner to look up the Ray ID <script>alert(2)</script>'],
	}],
	probes: [sampleProbe({
		statusText: '<i>Forbidden</i>',
		headers: {server: '<script>alert(3)</script>', 'content-type': 'text/html'},
		bodyExcerpt: hostile,
		requestHeaders: [['Authorization', 'Bearer html-export-secret-123']],
		curl: 'curl -H \'Authorization: Bearer html-export-secret-123\' https://files.example.com/report.pdf',
	})],
	transcript: [{kind: 'finding', text: hostile, mark: 'fail'}],
});

describe('HTML export in a real headless Chromium', () => {
	let browser: Chromium;
	let directory: string;
	let session: string;
	let html: string;

	beforeAll(async () => {
		directory = await mkdtemp(path.join(tmpdir(), 'fix403-html-'));
		html = exportReport(report, 'html');
		const file = path.join(directory, 'report.html');
		await writeExport(file, html);
		browser = await startChromium();
		session = await openPage(browser, pathToFileURL(file).href);
	});

	afterAll(async () => {
		await browser?.close();
		await rm(directory, {recursive: true, force: true});
	});

	test('the verdict is visible at the top, styled by the inline stylesheet the CSP allows', async () => {
		const verdict = await evaluate<{text: string; visible: boolean; top: number; border: string}>(browser, session, `(() => {
			const element = document.getElementById('verdict');
			const box = element.getBoundingClientRect();
			const style = getComputedStyle(element);
			return {text: element.innerText, visible: style.visibility === 'visible' && style.display !== 'none' && box.width > 0 && box.height > 0, top: box.top, border: style.borderLeftWidth};
		})()`);
		expect(verdict.text).toBe('Diagnosed. Most likely: A WAF rule blocked the request <b>now</b> (81% confidence).');
		expect(verdict.visible).toBe(true);
		expect(verdict.top).toBeLessThan(400);
		expect(verdict.border).toBe('4px');
	});

	test('injected markup neither executes nor renders as markup', async () => {
		const page = await evaluate<{pwned: unknown; counts: Record<string, number>; injected: boolean; h1: number; bodyShowsText: boolean}>(browser, session, `(() => ({
			pwned: window.__pwned ?? null,
			counts: Object.fromEntries(['script', 'img', 'a', 'iframe', 'object', 'embed', 'form', 'b', 'i', 'meta[http-equiv="refresh"]', 'style'].map(selector => [selector, document.querySelectorAll(selector).length])),
			injected: document.getElementById('injected') !== null || document.getElementById('jslink') !== null,
			h1: document.querySelectorAll('h1').length,
			bodyShowsText: document.body.innerText.includes('<script>window.__pwned = "script"; alert(1)</script>') && document.body.innerText.includes('</pre><h1 id="injected">Injected heading</h1><pre>'),
		}))()`);
		expect(page.pwned).toBeNull();
		expect(page.counts).toEqual({script: 0, img: 0, a: 0, iframe: 0, object: 0, embed: 0, form: 0, b: 0, i: 0, 'meta[http-equiv="refresh"]': 0, style: 1});
		expect(page.injected).toBe(false);
		expect(page.h1).toBe(1);
		expect(page.bodyShowsText).toBe(true);
		expect(browser.events.some(event => event.method === 'Page.javascriptDialogOpening')).toBe(false);
	});

	test('the page is self-contained: a CSP without scripts, no external references', () => {
		expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-[\w+/=]+&#39;; img-src &#39;none&#39;; script-src &#39;none&#39;/);
		const tags = html.match(/<[!/]?[a-z][^>]*>/gi) ?? [];
		// Only the page's own structure: nothing that loads, links, runs or embeds.
		const allowed = new Set(['doctype', 'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'h1', 'p', 'strong', 'dl', 'dt', 'dd', 'code', 'section', 'h2', 'article', 'h3', 'span', 'ul', 'li', 'ol', 'div', 'pre', 'footer']);
		expect(tags.map(tag => /^<[!/]?([a-z][a-z\d]*)/i.exec(tag)![1]!.toLowerCase()).filter(name => !allowed.has(name))).toEqual([]);
		expect(tags.filter(tag => /\b(?:src|href|on\w+)\s*=/i.test(tag))).toEqual([]);
		expect(html).not.toMatch(/url\(|@import/i);
		expect(html).not.toContain('html-export-secret-123');
	});

	test('it prints: print media keeps the verdict visible and a PDF comes out', async () => {
		await browser.send('Emulation.setEmulatedMedia', {media: 'print'}, session);
		const visible = await evaluate<boolean>(browser, session, 'getComputedStyle(document.getElementById("verdict")).display !== "none" && document.getElementById("verdict").getBoundingClientRect().height > 0');
		expect(visible).toBe(true);
		const {data} = await browser.send('Page.printToPDF', {}, session) as {data: string};
		expect(Buffer.from(data, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
	});
});
