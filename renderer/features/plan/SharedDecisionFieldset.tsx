import { PARTICIPANT_LABELS, PARTICIPANTS, type Participant } from '../../../shared/ipc/schemas/plan';
import { CheckboxGroup, TextArea, TextInput } from '../../components/fields';
import type { CollaborateItem, PlanDraft } from './plan-draft';

const PARTICIPANT_OPTIONS = PARTICIPANTS.map((value) => ({ value, label: PARTICIPANT_LABELS[value] }));

/** CollaboRATE (Elwyn, Barr et al.; CC BY-NC-ND 3.0): three items, each 0 (no effort) to 9 (every effort). */
const COLLABORATE_ITEMS: ReadonlyArray<{ item: CollaborateItem; label: string }> = [
  { item: 'understand', label: 'Effort made to help them understand the issues (0 to 9)' },
  { item: 'listen', label: 'Effort made to listen to what matters most to them (0 to 9)' },
  { item: 'include', label: 'Effort made to include what matters most in choosing what to do next (0 to 9)' },
];

type SdmDraft = Pick<PlanDraft, 'participants' | 'otherParticipants' | 'optionsConsidered' | 'decisionAid' | 'collaborate'>;

interface Props {
  draft: SdmDraft;
  onChange(patch: Partial<SdmDraft>): void;
  messageFor(path: string): string | undefined;
}

/** Shared decision making: who took part, what was considered, and (optionally) CollaboRATE. */
export function SharedDecisionFieldset({ draft, onChange, messageFor }: Props) {
  return (
    <section aria-labelledby="sdm-heading">
      <h2 className="heading-l" id="sdm-heading">
        Shared decision making
      </h2>
      <CheckboxGroup<Participant>
        path="sdm.participants"
        label="Who took part"
        hint="Select all that apply."
        options={PARTICIPANT_OPTIONS}
        values={draft.participants}
        onChange={(participants) => onChange({ participants })}
        error={messageFor('sdm.participants')}
        conditional={{
          other: (
            <TextInput
              path="sdm.otherParticipants"
              label="Who else took part"
              hint="For example, a social worker or a teacher"
              value={draft.otherParticipants}
              onChange={(otherParticipants) => onChange({ otherParticipants })}
              error={messageFor('sdm.otherParticipants')}
              width={30}
            />
          ),
        }}
      />
      <TextArea
        path="sdm.optionsConsidered"
        label="Options considered"
        value={draft.optionsConsidered}
        onChange={(optionsConsidered) => onChange({ optionsConsidered })}
        error={messageFor('sdm.optionsConsidered')}
      />
      <TextInput
        path="sdm.decisionAid"
        label="Decision aid used (optional)"
        hint="For example, the i-THRIVE Grid for low mood"
        value={draft.decisionAid}
        onChange={(decisionAid) => onChange({ decisionAid })}
        error={messageFor('sdm.decisionAid')}
        width={30}
      />
      <fieldset className="fieldset" aria-describedby="collaborate-hint">
        <legend className="fieldset__legend fieldset__legend--m">CollaboRATE (optional)</legend>
        <div className="hint" id="collaborate-hint">
          The young person&apos;s or family&apos;s scores, from 0 (no effort was made) to 9 (every effort was made).
          Fill in all three or leave all three blank.
        </div>
        {COLLABORATE_ITEMS.map(({ item, label }) => (
          <TextInput
            key={item}
            path={`sdm.collaborate.${item}`}
            label={label}
            width={2}
            inputMode="numeric"
            autoComplete="off"
            value={draft.collaborate[item]}
            onChange={(value) => onChange({ collaborate: { ...draft.collaborate, [item]: value } })}
            error={messageFor(`sdm.collaborate.${item}`)}
          />
        ))}
      </fieldset>
    </section>
  );
}
