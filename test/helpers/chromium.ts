import {type ChildProcess, spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {Readable, Writable} from 'node:stream';

/** The first Chromium/Chrome binary found: `$CHROMIUM_PATH`, then the usual Linux and macOS places. */
export function findChromium(): string | undefined {
	const candidates = [
		process.env['CHROMIUM_PATH'],
		'/usr/bin/chromium',
		'/usr/bin/chromium-browser',
		'/usr/bin/google-chrome',
		'/usr/bin/google-chrome-stable',
		'/Applications/Chromium.app/Contents/MacOS/Chromium',
		'/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
	];
	return candidates.find(candidate => candidate !== undefined && candidate !== '' && existsSync(candidate));
}

type Message = {id?: number; method?: string; params?: Record<string, unknown>; result?: Record<string, unknown>; error?: {message: string}; sessionId?: string};

/** A headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`): no port, no network. */
export type Chromium = {
	readonly pid: number;
	/** One DevTools protocol call; rejects with the protocol's error message. */
	send(method: string, params?: Record<string, unknown>, sessionId?: string): Promise<Record<string, unknown>>;
	/** Every event received so far and from now on, in order. */
	readonly events: Message[];
	/** Closes the browser, kills its own PID if it lingers, removes its temporary profile. */
	close(): Promise<void>;
};

export async function startChromium(binary = findChromium()): Promise<Chromium> {
	if (!binary) {
		throw new Error('No Chromium binary found; set CHROMIUM_PATH.');
	}

	const profile = await mkdtemp(path.join(tmpdir(), 'fix403-chromium-'));
	const child: ChildProcess = spawn(binary, [
		'--headless',
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--disable-dev-shm-usage',
		'--no-first-run',
		'--no-default-browser-check',
		// Nothing leaves the machine even if a page tried: every host name fails to resolve.
		'--host-resolver-rules=MAP * ~NOTFOUND',
		`--user-data-dir=${profile}`,
		'--remote-debugging-pipe',
		'about:blank',
	], {stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe']});
	const toBrowser = child.stdio[3] as Writable;
	const fromBrowser = child.stdio[4] as Readable;
	const pending = new Map<number, {resolve: (value: Record<string, unknown>) => void; reject: (error: Error) => void}>();
	const events: Message[] = [];
	let nextId = 1;
	let buffer = '';
	fromBrowser.setEncoding('utf8');
	fromBrowser.on('data', (chunk: string) => {
		buffer += chunk;
		let end: number;
		while ((end = buffer.indexOf('\0')) !== -1) {
			const message = JSON.parse(buffer.slice(0, end)) as Message;
			buffer = buffer.slice(end + 1);
			if (message.id === undefined) {
				events.push(message);
				continue;
			}

			const waiter = pending.get(message.id);
			pending.delete(message.id);
			if (message.error) {
				waiter?.reject(new Error(message.error.message));
			} else {
				waiter?.resolve(message.result ?? {});
			}
		}
	});
	const exited = new Promise<void>(resolve => {
		child.once('exit', () => {
			for (const waiter of pending.values()) {
				waiter.reject(new Error('Chromium exited.'));
			}

			resolve();
		});
	});

	const browser: Chromium = {
		pid: child.pid!,
		events,
		async send(method, params = {}, sessionId) {
			const id = nextId++;
			const result = new Promise<Record<string, unknown>>((resolve, reject) => {
				pending.set(id, {resolve, reject});
			});
			toBrowser.write(`${JSON.stringify({id, method, params, ...(sessionId ? {sessionId} : {})})}\0`);
			return result;
		},
		async close() {
			await Promise.race([browser.send('Browser.close').catch(() => undefined), exited]);
			const stopped = await Promise.race([exited.then(() => true), new Promise<boolean>(resolve => {
				setTimeout(() => {
					resolve(false);
				}, 5000).unref();
			})]);
			if (!stopped && child.exitCode === null) {
				process.kill(child.pid!, 'SIGKILL');
				await exited;
			}

			await rm(profile, {recursive: true, force: true});
		},
	};
	return browser;
}

/** Opens `url` in a new page and waits for its load event; returns the session to send page commands to. */
export async function openPage(browser: Chromium, url: string): Promise<string> {
	const {targetId} = await browser.send('Target.createTarget', {url: 'about:blank'}) as {targetId: string};
	const {sessionId} = await browser.send('Target.attachToTarget', {targetId, flatten: true}) as {sessionId: string};
	await browser.send('Page.enable', {}, sessionId);
	await browser.send('Runtime.enable', {}, sessionId);
	const seen = browser.events.length;
	await browser.send('Page.navigate', {url}, sessionId);
	for (let waited = 0; !browser.events.slice(seen).some(event => event.sessionId === sessionId && event.method === 'Page.loadEventFired'); waited += 20) {
		if (waited > 30_000) {
			throw new Error(`The page did not load: ${url}`);
		}

		await new Promise(resolve => {
			setTimeout(resolve, 20);
		});
	}

	return sessionId;
}

/** Evaluates an expression in the page and returns its JSON value. */
export async function evaluate<T>(browser: Chromium, sessionId: string, expression: string): Promise<T> {
	const {result, exceptionDetails} = await browser.send('Runtime.evaluate', {expression, returnByValue: true}, sessionId) as {result: {value: T}; exceptionDetails?: {text: string}};
	if (exceptionDetails) {
		throw new Error(`Evaluation failed: ${exceptionDetails.text}`);
	}

	return result.value;
}
