/**
 * The words that tell a reader the "most urgent first" order, written from the order itself
 * (urgency.ts), so what the supervision pack and docs/team-view.md say is what the lists do.
 */
import { FLAG_LABELS } from './flags';
import { URGENCY_ORDER, URGENCY_TIEBREAKS } from './urgency';

const OTHERS = 'everything else';

function tiebreakWords(): string {
  return URGENCY_TIEBREAKS.map((t) => t.words).join(', then ');
}

/** One paragraph: the supervision pack prints it under its summary. */
export function urgencyOrderSentence(): string {
  const bands = URGENCY_ORDER.map((b) => {
    const what = b.flag ? FLAG_LABELS[b.flag] : `then ${OTHERS}`;
    return b.first ? `${what} (${b.first})` : what;
  });
  return `Cases are listed most urgent first, each by its most urgent flag: ${bands.join('; ')}. Ties go by ${tiebreakWords()}.`;
}

/** What "need action" counts, in the same words everywhere it is explained. */
export function needActionSentence(): string {
  const headsUp = URGENCY_ORDER.flatMap((b) => (b.flag && !b.action ? [`*${FLAG_LABELS[b.flag]}*`] : []));
  return `"Need action" counts cases with any flag except ${headsUp.join(' or ')}, which is a heads-up.`;
}

/** The numbered list and the tiebreak for docs/team-view.md (Markdown). */
export function urgencyOrderMarkdown(): string {
  const items = URGENCY_ORDER.map((b, i) => {
    const what = b.flag ? `**${FLAG_LABELS[b.flag]}**` : OTHERS[0]!.toUpperCase() + OTHERS.slice(1);
    return `${i + 1}. ${what}${b.first ? `: ${b.first}` : ''}.`;
  });
  return [...items, '', `Ties go by ${tiebreakWords()}, so the order is the same every time. ${needActionSentence()}`].join('\n');
}
