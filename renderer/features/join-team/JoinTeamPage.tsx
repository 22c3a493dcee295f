import { useState, type FormEvent } from 'react';
import type { JoinCandidate, JoinChoice, JoinPreview } from '../../../shared/ipc/schemas/sync-join';
import { request } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioGroup, type Option } from '../../components/fields';
import { focusPageHeading, LoadProblem, Loading, PageHeading, usePageTitle } from '../../components/page';
import { useApiData } from '../../hooks/use-api-data';
import { useFormErrors } from '../../lib/form-errors';
import { plural } from '../../lib/plural';
import { useSyncActions } from '../../stores/sync';

export const JOIN_HEADING = 'Your cases and the team server';

type Choice = JoinChoice | 'later';
const choicePath = (caseId: string) => `decisions.${caseId}`;

/**
 * Team mode (route 'join-team', sync:joinPreview and sync:join): the cases made on this computer before
 * it joined the team. Nothing is sent until the person chooses, case by case: upload it to the team, or,
 * where the server already holds the same young person, keep the server's record (theirs set aside on
 * this computer, never deleted). "Decide later" is the default, so pressing the button by accident
 * sends nothing.
 */
export function JoinTeamPage() {
  const form = useFormErrors();
  usePageTitle(JOIN_HEADING, form.errors.length > 0);
  const { data, reload } = useApiData((api) => api.sync.joinPreview({}), 'sync-join-preview');
  const { refresh } = useSyncActions();
  const [done, setDone] = useState<string | null>(null);

  const submit = async (decisions: Array<{ caseId: string; choice: JoinChoice }>) => {
    if (form.saving) return;
    setDone(null);
    if (decisions.length === 0) return form.fail([{ path: '', message: 'Choose what to do with at least one case, or come back later' }]);
    await form.save(async () => {
      await request((api) => api.sync.join({ decisions }));
      form.clear();
      const uploaded = decisions.filter((d) => d.choice === 'upload').length;
      const matched = decisions.length - uploaded;
      setDone(
        [uploaded > 0 ? `${plural(uploaded, 'case', 'cases')} will be sent to the team server.` : '', matched > 0 ? `${plural(matched, 'case was', 'cases were')} matched with the server's record; yours ${matched === 1 ? 'is' : 'are'} kept on this computer.` : '']
          .filter(Boolean)
          .join(' '),
      );
      reload();
      void refresh();
      focusPageHeading();
    });
  };

  return (
    <>
      <ErrorSummary errors={form.errors} attempt={form.attempt} />
      <PageHeading>{JOIN_HEADING}</PageHeading>
      <div role="status">{done ? <p className="notification notification--success">{done}</p> : null}</div>
      {data.status === 'loading' ? <Loading what="your cases on this computer" /> : null}
      {data.status === 'error' ? <LoadProblem message={data.error.message} onRetry={reload} /> : null}
      {data.status === 'ready' ? <JoinForm key={data.value.cases.map((c) => c.caseId).join()} preview={data.value} saving={form.saving} messageFor={form.messageFor} onSubmit={(d) => void submit(d)} /> : null}
    </>
  );
}

function optionsFor(c: JoinCandidate, teamName: string): Array<Option<Choice>> {
  const options: Array<Option<Choice>> = [];
  if (c.choices.includes('upload')) options.push({ value: 'upload', label: `Upload to ${teamName}`, hint: 'You become its lead clinician on the team server.' });
  if (c.choices.includes('keep_server') && c.match) {
    options.push({
      value: 'keep_server',
      label: `Keep the server's record, ${c.match.caseRef} (${c.match.youngPersonName})`,
      hint: 'Your copy is set aside on this computer, not deleted, and the change is kept in the audit trail.',
    });
  }
  options.push({ value: 'later', label: 'Decide later', hint: 'The case stays on this computer only.' });
  return options;
}

function JoinForm({
  preview,
  saving,
  messageFor,
  onSubmit,
}: {
  preview: JoinPreview;
  saving: boolean;
  messageFor(path: string): string | undefined;
  onSubmit(decisions: Array<{ caseId: string; choice: JoinChoice }>): void;
}) {
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  if (!preview.ready) return <p>{preview.message}</p>;
  const unplaced = preview.unplaced.length > 0 ? <Unplaced cases={preview.unplaced} /> : null;
  if (preview.cases.length === 0) {
    return (
      <>
        {unplaced}
        <p>Every case on this computer is on the team server, or was matched with the server&rsquo;s record.</p>
      </>
    );
  }
  const teamName = preview.teamName ?? 'your team';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const decisions = Object.entries(choices).flatMap(([caseId, choice]) => (choice === 'later' ? [] : [{ caseId, choice }]));
    onSubmit(decisions);
  };
  return (
    <form noValidate onSubmit={submit}>
      {unplaced}
      <p className="lede">{preview.message} Nothing has been sent: choose what happens to each.</p>
      {preview.cases.map((c) => (
        <RadioGroup<Choice>
          key={c.caseId}
          path={choicePath(c.caseId)}
          legendSize="s"
          label={`${c.caseRef} · ${c.youngPersonName}${c.status === 'closed' ? ' (closed)' : ''}`}
          hint={c.match ? `Same young person as ${c.match.caseRef} on the server? They share ${c.match.by === 'nhs_number' ? 'an NHS number' : 'a case reference'}.` : undefined}
          error={messageFor(choicePath(c.caseId))}
          value={choices[c.caseId] ?? 'later'}
          options={optionsFor(c, teamName)}
          onChange={(v) => setChoices((was) => ({ ...was, [c.caseId]: v }))}
        />
      ))}
      <button type="submit" className="button" disabled={saving}>
        Save these choices
      </button>
    </form>
  );
}

/** Server cases held back by a record here that cannot be joined: said, so none goes missing unseen. */
function Unplaced({ cases }: { cases: JoinPreview['unplaced'] }) {
  return (
    <div className="notification notification--important">
      <h2 className="heading-s">Cases on the team server not shown on this computer</h2>
      <p>
        These share an NHS number or case reference with a record on this computer that cannot join the team (a demo case, or a case of a team you
        have left). Ask your service admin to check them:
      </p>
      <ul>
        {cases.map((c, i) => (
          <li key={i}>
            {c.caseRef} · {c.youngPersonName}
          </li>
        ))}
      </ul>
    </div>
  );
}
