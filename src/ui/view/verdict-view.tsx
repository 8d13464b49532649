import {Box, Text} from 'ink';
import type {Report, ReportCause} from '../../report/types.js';
import {ReproduceView} from './reproduce-view.js';
import {safeLine, safeText} from './safe-text.js';
import {Prose} from './prose.js';
import {useTheme} from './theme.js';

const statusTitle: Record<Report['status'], string> = {
	diagnosed: 'Diagnosed',
	'not-reproduced': 'Not reproduced',
	inconclusive: 'Inconclusive',
	unreachable: 'Unreachable',
};

/** Evidence lines on screen; the export has every one. */
const shownEvidence = 4;

/** The verdict: the cause, why, what to do for this role, how to reproduce it, what else it could be. */
export function VerdictView({report}: {readonly report: Report}) {
	const theme = useTheme();
	const [top, ...others] = report.causes;
	return (
		<Box flexDirection="column">
			<Prose {...theme.heading}>
				{statusTitle[report.status]}
				{report.reason ? `: ${safeLine(report.reason)}` : ''}
			</Prose>
			{top ? <TopCause cause={top} role={report.role} /> : null}
			<ReproduceView probes={report.probes} show={top?.probes} />
			{others.length > 0 ? (
				<Box flexDirection="column" marginTop={1}>
					<Text {...theme.heading}>Also possible</Text>
					{others.map(cause => (
						<Box key={cause.id} paddingLeft={2}>
							<Box width={6} flexShrink={0}>
								<Text>{`${Math.round(cause.confidence * 100)}%`.padStart(4)}</Text>
							</Box>
							<Prose>
								{safeLine(cause.title)} <Text {...theme.muted}>[{cause.id}]</Text>
							</Prose>
						</Box>
					))}
				</Box>
			) : null}
		</Box>
	);
}

function TopCause({cause, role}: {readonly cause: ReportCause; readonly role: Report['role']}) {
	const theme = useTheme();
	const tags = [cause.id, `${Math.round(cause.confidence * 100)}%`, ...(cause.vendor ? [cause.vendor] : [])].join(' · ');
	return (
		<Box flexDirection="column" marginTop={1}>
			<Prose>
				<Text {...theme.mark('fail')}>✗ </Text>
				<Text {...theme.heading}>{safeLine(cause.title)}</Text> <Text {...theme.muted}>[{tags}]</Text>
			</Prose>
			<Box flexDirection="column" marginTop={1}>
				<Text {...theme.heading}>Why</Text>
				{cause.evidence.slice(0, shownEvidence).map(item => (
					<Bullet key={item} marker="•" text={item} />
				))}
				{cause.evidence.length > shownEvidence ? <Text {...theme.muted}>  … {cause.evidence.length - shownEvidence} more in the export</Text> : null}
			</Box>
			<Box flexDirection="column" marginTop={1}>
				<Text {...theme.heading}>What to do ({role})</Text>
				{cause.fix.map((step, index) => (
					<Bullet key={step} marker={`${index + 1}.`} text={step} />
				))}
				{(cause.locations ?? []).map(location => (
					<Bullet key={`${location.file}:${location.line ?? ''}`} marker="→" text={`${location.file}${location.line === undefined ? '' : `:${location.line}`}`} />
				))}
			</Box>
		</Box>
	);
}

/** A hanging-indent item: wrapped lines line up under the text, not under the marker. */
function Bullet({marker, text}: {readonly marker: string; readonly text: string}) {
	return (
		<Box paddingLeft={2}>
			<Box width={marker.length + 1} flexShrink={0}>
				<Text>{marker}</Text>
			</Box>
			<Prose>{safeText(text)}</Prose>
		</Box>
	);
}
