import type { EndingCriterionRecord } from '../../shared/ipc/types';
import { RadioGroup, type Option } from './fields';

export function criterionInputPath(list: string, criterionId: string): string {
  return `${list}.criterion-${criterionId}`;
}

interface Props<V extends string> {
  /** 'criteriaProgress' at a review, 'criteriaStatus' at close: each group's path is `<list>.criterion-<id>`. */
  list: string;
  criteria: readonly EndingCriterionRecord[];
  values: Readonly<Record<string, V>>;
  options: ReadonlyArray<Option<V>>;
  onChange(criterionId: string, value: V): void;
  messageFor(path: string): string | undefined;
}

/** One question per ending criterion in force, asked in the criterion's own words. */
export function CriterionRadios<V extends string>({ list, criteria, values, options, onChange, messageFor }: Props<V>) {
  return (
    <>
      {criteria.map((c) => {
        const path = criterionInputPath(list, c.id);
        return (
          <RadioGroup<V>
            key={c.id}
            path={path}
            label={c.text}
            legendSize="s"
            inline
            options={options}
            value={values[c.id] ?? ''}
            onChange={(v) => onChange(c.id, v)}
            error={messageFor(path)}
          />
        );
      })}
    </>
  );
}
