import {Box, Text, useApp} from 'ink';
import {useEffect, useRef, useState} from 'react';
import {useKeys} from '../ui/input/use-keys.js';
import {ChoiceList, type ChoiceItem} from '../ui/view/choice-list.js';
import {ThemeProvider, themes, useTheme} from '../ui/view/theme.js';
import type {LabPath} from './types.js';

export type LabMenuProps = {
	readonly origin: string;
	readonly paths: readonly LabPath[];
	readonly color: boolean;
	/** The chosen path, or undefined when the user leaves (q, Esc, Ctrl-C). Called once; the menu then exits. */
	readonly onDone: (path: LabPath | undefined) => void;
};

/** The lab's menu: one broken path per row, its cause beside the title, its story under the highlighted row. */
export function LabMenu(props: LabMenuProps) {
	return (
		<ThemeProvider value={props.color ? themes.coloured : themes.plain}>
			<Menu {...props} />
		</ThemeProvider>
	);
}

function Menu({origin, paths, onDone}: LabMenuProps) {
	const theme = useTheme();
	const {exit} = useApp();
	// null: the user left; undefined: still choosing. The ref stops a second Enter before the next render.
	const [chosen, setChosen] = useState<LabPath | null>();
	const done = useRef(false);
	const finish = (path: LabPath | undefined) => {
		if (!done.current) {
			done.current = true;
			setChosen(path ?? null);
		}
	};

	// After the frame that shows the choice is on screen, so it stays there when Ink lets go of the terminal.
	const reported = useRef(false);
	useEffect(() => {
		if (chosen !== undefined && !reported.current) {
			reported.current = true;
			onDone(chosen ?? undefined);
			exit();
		}
	}, [chosen, onDone, exit]);

	useKeys((input, key) => {
		if (input === 'q' || key.escape || (key.ctrl && input === 'c')) {
			finish(undefined);
		}
	}, chosen === undefined);

	if (chosen !== undefined) {
		return <Text {...theme.muted}>{chosen ? `Lab: ${chosen.title} — ${chosen.url}` : 'Lab closed.'}</Text>;
	}

	const items: ChoiceItem[] = paths.map(path => ({value: path.path, label: `${path.title}  · ${path.cause}`, hint: path.hint}));
	return (
		<Box flexDirection="column">
			<Text {...theme.heading}>fix403 lab — {paths.length} broken paths on {origin}</Text>
			<Text {...theme.muted}>Pick one to diagnose it in the wizard (↑/↓ and Enter, q to leave).</Text>
			<Box marginTop={1}>
				<ChoiceList
					items={items}
					isActive={chosen === undefined}
					onSubmit={item => {
						finish(paths.find(path => path.path === item.value));
					}}
				/>
			</Box>
		</Box>
	);
}
