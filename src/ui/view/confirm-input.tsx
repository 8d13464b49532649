import {Text} from 'ink';
import {useConfirmInput} from '../input/use-confirm-input.js';
import {useTheme} from './theme.js';

export type ConfirmInputProps = {
	readonly fallback?: string;
	readonly onSubmit: (answer: 'yes' | 'no') => void;
	readonly isActive?: boolean;
};

/** y/n, with the default in capitals: Enter takes it. */
export function ConfirmInput({fallback, onSubmit, isActive = true}: ConfirmInputProps) {
	const theme = useTheme();
	useConfirmInput({fallback, onSubmit, isActive});
	const choices = fallback === 'yes' ? 'Y/n' : fallback === 'no' ? 'y/N' : 'y/n';
	return (
		<Text>
			<Text {...theme.accent}>› </Text>
			<Text {...theme.muted}>({choices})</Text>
		</Text>
	);
}
