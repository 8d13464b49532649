import {afterEach, expect, test} from 'vitest';
import {cleanup, render} from 'ink-testing-library';
import {CheckStep} from '../../src/ui/view/check-step.js';
import {HelpPanel} from '../../src/ui/view/help-panel.js';
import {LogLine} from '../../src/ui/view/log-line.js';
import {ThemeProvider, themes} from '../../src/ui/view/theme.js';
import {VerdictView} from '../../src/ui/view/verdict-view.js';
import {sampleProbe, sampleReport} from '../helpers/sample-report.js';

afterEach(() => {
	cleanup();
});

// What a hostile server can put in a reason phrase, a page title or a header: retitle the window (OSC 0),
// plant a link (OSC 8), clear the screen and move the cursor (CSI), flip the text direction (RLO).
const hostile = '\u001B]0;pwned\u0007ok\u001B[2J\u001B[1;1H\u001B]8;;https://evil.example/\u0007link\u001B]8;;\u0007 \u202Egnp.exe';
const controls = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

test.each([
	['a log line', <LogLine key="l" entry={{id: 0, kind: 'check', text: `GET / — answered 403 ${hostile}`, mark: 'fail'}} />],
	['a running check', <CheckStep key="c" title={`Reading ${hostile}`} lines={[{key: 'k', label: `GET ${hostile}`, state: 'running', summary: hostile}]} />],
	['the help', <HelpPanel key="h" help={hostile} />],
	[
		'the verdict',
		<VerdictView
			key="v"
			report={{
				...sampleReport(),
				reason: hostile,
				causes: sampleReport().causes.map(cause => ({...cause, title: hostile, evidence: [hostile], fix: [hostile], locations: [{file: hostile, line: 3}]})),
				probes: [sampleProbe({label: hostile, curl: `curl -i '${hostile}'`})],
			}}
		/>,
	],
])('%s shows server text without its control sequences, in colour or not', (_name, element) => {
	for (const theme of [themes.plain, themes.coloured]) {
		const {lastFrame, unmount} = render(<ThemeProvider value={theme}>{element}</ThemeProvider>);
		const frame = lastFrame() ?? '';
		expect(frame).toContain('ok');
		expect(frame).toContain('link');
		expect(frame).not.toMatch(controls);
		expect(frame).not.toContain('pwned');
		expect(frame).not.toContain('evil.example');
		// The direction override is shown as what it is instead of reversing the text after it.
		expect(frame).toContain('\\u{202E}gnp.exe');
		unmount();
	}
});
