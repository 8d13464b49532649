import {createContext, useContext} from 'react';
import type {TextProps} from 'ink';
import type {FindingMark} from '../../evidence/types.js';

/** The styles the wizard uses, by role; with colour off every one is plain text (no escape codes at all). */
export type Theme = {
	/** False with NO_COLOR / --no-color: views then mark things with characters instead of styles. */
	readonly enabled: boolean;
	readonly heading: TextProps;
	readonly muted: TextProps;
	readonly accent: TextProps;
	readonly error: TextProps;
	readonly mark: (mark: FindingMark | undefined) => TextProps;
};

const coloured: Theme = {
	enabled: true,
	heading: {bold: true},
	muted: {dimColor: true},
	accent: {color: 'cyan'},
	error: {color: 'red'},
	mark: mark => (mark === 'fail' ? {color: 'red'} : mark === 'ok' ? {color: 'green'} : mark === 'warn' ? {color: 'yellow'} : {dimColor: true}),
};

const plain: Theme = {enabled: false, heading: {}, muted: {}, accent: {}, error: {}, mark: () => ({})};

export const themes = {coloured, plain} as const;

const ThemeContext = createContext<Theme>(plain);

export const ThemeProvider = ThemeContext.Provider;

export function useTheme(): Theme {
	return useContext(ThemeContext);
}
