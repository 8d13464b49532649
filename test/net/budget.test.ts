import {expect, test} from 'vitest';
import {createBudget} from '../../src/net/budget.js';

test('each origin has its own allowance; a refused take spends nothing', () => {
	const budget = createBudget(2);

	expect(budget.take('https://a.example')).toBe(true);
	expect(budget.take('https://a.example')).toBe(true);
	expect(budget.take('https://a.example')).toBe(false);
	expect(budget.take('http://a.example')).toBe(true);

	expect(budget.remaining('https://a.example')).toBe(0);
	expect(budget.remaining('http://a.example')).toBe(1);
	expect(budget.remaining('https://b.example')).toBe(2);
	expect(budget.spent()).toBe(3);
});
