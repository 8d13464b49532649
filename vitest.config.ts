import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		testTimeout: 60_000,
		hookTimeout: 60_000,
		pool: 'forks',
		// Ink renders differently when it believes it runs in CI; tests set CI=false where it matters.
		env: {FORCE_COLOR: '0'},
	},
});
