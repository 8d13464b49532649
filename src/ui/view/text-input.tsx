import {Text} from 'ink';
import {useLatestReducer} from '../input/use-latest-reducer.js';
import {useTextInput} from '../input/use-text-input.js';
import {initialText, textReducer, type TextState} from '../state/text-state.js';
import {safeLine} from './safe-text.js';
import {useTheme} from './theme.js';

export type TextInputProps = {
	readonly initial?: string;
	readonly placeholder?: string;
	readonly onSubmit: (value: string) => void;
	readonly onBack?: () => void;
	readonly onHelp?: () => void;
	readonly isActive?: boolean;
};

/** A one-line field; Enter submits, Backspace on an empty field goes back. */
export function TextInput({initial = '', placeholder, onSubmit, onBack, onHelp, isActive = true}: TextInputProps) {
	const [state, dispatch] = useLatestReducer(textReducer, () => initialText(initial));
	useTextInput({dispatch, onSubmit, onBack, onHelp, isActive});
	return <TextFieldView state={state} placeholder={placeholder} />;
}

/** The value with a visible cursor: reverse video in colour, a bar character without colour. */
export function TextFieldView({state, placeholder}: {readonly state: TextState; readonly placeholder?: string}) {
	const theme = useTheme();
	const before = safeLine(state.value.slice(0, state.cursor));
	const under = safeLine(state.value.slice(state.cursor, state.cursor + 1));
	const after = safeLine(state.value.slice(state.cursor + 1));
	return (
		<Text>
			<Text {...theme.accent}>› </Text>
			{before}
			{theme.enabled ? <Text inverse>{under || ' '}</Text> : <Text>▌{under}</Text>}
			{after}
			{state.value === '' && placeholder ? <Text {...theme.muted}> {safeLine(placeholder)}</Text> : null}
		</Text>
	);
}
