import {Box, Text, useApp} from 'ink';
import {useEffect, useRef, useState} from 'react';
import {useKeys} from '../ui/input/use-keys.js';
import {ChoiceList, type ChoiceItem} from '../ui/view/choice-list.js';
import {ThemeProvider, themes, useTheme} from '../ui/view/theme.js';
import type {LabPath} from './types.js';

export type LabChoice = LabPath | 'quit' | 'interrupted';

export type LabMenuProps = {
	readonly origin: string;
	readonly paths: readonly LabPath[];
	readonly color: boolean;
	/** The chosen path, or how the user left: `quit` (q, Esc) or `interrupted` (Ctrl-C). Called once; the menu then exits. */
	readonly onDone: (choice: LabChoice) => void;
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
	// Undefined while choosing. The ref stops a second Enter that arrives before the next render.
	const [chosen, setChosen] = useState<LabChoice>();
	const done = useRef(false);
	const finish = (choice: LabChoice) => {
		if (!done.current) {
			done.current = true;
			setChosen(choice);
		}
	};

	// After the frame that shows the choice is on screen, so it stays there when Ink lets go of the terminal.
	const reported = useRef(false);
	useEffect(() => {
		if (chosen !== undefined && !reported.current) {
			reported.current = true;
			onDone(chosen);
			exit();
		}
	}, [chosen, onDone, exit]);

	useKeys((input, key) => {
		if (key.ctrl && input === 'c') {
			finish('interrupted');
		} else if (input === 'q' || key.escape) {
			finish('quit');
		}
	}, chosen === undefined);

	if (chosen !== undefined) {
		return <Text {...theme.muted}>{typeof chosen === 'string' ? 'Lab closed.' : `Lab: ${chosen.title} — ${chosen.url}`}</Text>;
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
						const path = paths.find(candidate => candidate.path === item.value);
						if (path) {
							finish(path);
						}
					}}
				/>
			</Box>
		</Box>
	);
}
