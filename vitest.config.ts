import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		testTimeout: 60_000,
		hookTimeout: 60_000,
		pool: 'forks',
		// Ink renders only its last frame when it believes it runs in CI (is-in-ci, read at import). The CLI never
		// shows Ink in CI (it goes headless there), so components are tested as a terminal user sees them, whatever
		// the outer CI says; tests that spawn the CLI set the child's CI themselves.
		env: {FORCE_COLOR: '0', CI: 'false'},
	},
});
