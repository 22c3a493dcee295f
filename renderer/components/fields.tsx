/**
 * Field wrappers in the NHS.UK pattern: a visible label, an optional hint, the error message beside
 * the field (announced through aria-describedby) and aria-invalid. Each takes the field's path, which
 * gives its id (see field-ids.ts) so error summary links and server errors find it.
 */
import type { InputHTMLAttributes, ReactNode } from 'react';
import { describedBy, errorIdFor, fieldId, hintIdFor } from '../lib/field-ids';

type Width = 2 | 3 | 4 | 5 | 10 | 20 | 30;

interface FieldProps {
  path: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

function cx(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}

export function ErrorMessage({ path, message }: { path: string; message: string }) {
  return (
    <p className="error-message" id={errorIdFor(path)}>
      <span className="visually-hidden">Error: </span>
      {message}
    </p>
  );
}

function FormGroup({ error, children }: { error?: string | undefined; children: ReactNode }) {
  return <div className={cx('form-group', error && 'form-group--error')}>{children}</div>;
}

function Hint({ path, hint }: { path: string; hint: ReactNode }) {
  return (
    <div className="hint" id={hintIdFor(path)}>
      {hint}
    </div>
  );
}

/** A labelled control: the label, the hint and the error above it, in the NHS.UK order. */
function LabelledField({ path, label, hint, error, children }: FieldProps & { children: ReactNode }) {
  return (
    <FormGroup error={error}>
      <label className="label" htmlFor={fieldId(path)}>
        {label}
      </label>
      {hint ? <Hint path={path} hint={hint} /> : null}
      {error ? <ErrorMessage path={path} message={error} /> : null}
      {children}
    </FormGroup>
  );
}

/** What ties a control to its label, hint and error. */
function controlAttrs({ path, hint, error }: Omit<FieldProps, 'label'>) {
  return {
    id: fieldId(path),
    name: path,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(hint ? hintIdFor(path) : null, error ? errorIdFor(path) : null),
  };
}

type NativeInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id' | 'name' | 'width'>;

export function TextInput({
  path,
  label,
  hint,
  error,
  value,
  onChange,
  width,
  ...rest
}: FieldProps & NativeInputProps & { value: string; onChange(value: string): void; width?: Width }) {
  return (
    <LabelledField path={path} label={label} hint={hint} error={error}>
      <input
        type="text"
        {...rest}
        className={cx('input', width && `input--width-${width}`, error && 'input--error')}
        {...controlAttrs({ path, hint, error })}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </LabelledField>
  );
}

export function TextArea({
  path,
  label,
  hint,
  error,
  value,
  onChange,
  rows = 3,
}: FieldProps & { value: string; onChange(value: string): void; rows?: number }) {
  return (
    <LabelledField path={path} label={label} hint={hint} error={error}>
      <textarea
        className={cx('textarea', error && 'textarea--error')}
        {...controlAttrs({ path, hint, error })}
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </LabelledField>
  );
}

export interface Option<V extends string = string> {
  value: V;
  label: string;
  hint?: string;
}

export function Select<V extends string>({
  path,
  label,
  hint,
  error,
  value,
  options,
  onChange,
}: FieldProps & { value: V; options: ReadonlyArray<Option<V>>; onChange(value: V): void }) {
  return (
    <LabelledField path={path} label={label} hint={hint} error={error}>
      <select
        className={cx('select', error && 'select--error')}
        {...controlAttrs({ path, hint, error })}
        value={value}
        onChange={(e) => onChange(e.target.value as V)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </LabelledField>
  );
}

/** The id of option i: the first carries the field's own id so errors link to the group. */
function optionId(path: string, i: number): string {
  return i === 0 ? fieldId(path) : `${fieldId(path)}-${i + 1}`;
}

interface GroupProps extends FieldProps {
  /** `s` legends sit inside a larger fieldset (e.g. CollaboRATE items). */
  legendSize?: 'm' | 's';
  inline?: boolean;
}

export function RadioGroup<V extends string>({
  path,
  label,
  hint,
  error,
  value,
  options,
  onChange,
  inline,
  legendSize = 'm',
}: GroupProps & { value: V | ''; options: ReadonlyArray<Option<V>>; onChange(value: V): void }) {
  return (
    <FormGroup error={error}>
      <fieldset
        className="fieldset"
        aria-describedby={describedBy(hint ? hintIdFor(path) : null, error ? errorIdFor(path) : null)}
      >
        <legend className={`fieldset__legend fieldset__legend--${legendSize}`}>{label}</legend>
        {hint ? <Hint path={path} hint={hint} /> : null}
        {error ? <ErrorMessage path={path} message={error} /> : null}
        <div className={cx('radios', inline && 'radios--inline')}>
          {options.map((o, i) => (
            <div className="radios__item" key={o.value}>
              <input
                className="radios__input"
                id={optionId(path, i)}
                name={path}
                type="radio"
                value={o.value}
                checked={value === o.value}
                onChange={() => onChange(o.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={o.hint ? `${optionId(path, i)}-hint` : undefined}
              />
              <label className="label radios__label" htmlFor={optionId(path, i)}>
                {o.label}
              </label>
              {o.hint ? (
                <div className="hint radios__hint" id={`${optionId(path, i)}-hint`}>
                  {o.hint}
                </div>
              ) : null}
            </div>
          ))}
        </div>
      </fieldset>
    </FormGroup>
  );
}

export function CheckboxGroup<V extends string>({
  path,
  label,
  hint,
  error,
  values,
  options,
  onChange,
  conditional,
}: FieldProps & {
  values: readonly V[];
  options: ReadonlyArray<Option<V>>;
  onChange(values: V[]): void;
  /** Shown under an option while it is ticked (the NHS "conditional reveal"). */
  conditional?: Partial<Record<V, ReactNode>>;
}) {
  const toggle = (v: V, on: boolean) => {
    const next = options.map((o) => o.value).filter((o) => (o === v ? on : values.includes(o)));
    onChange(next);
  };
  return (
    <FormGroup error={error}>
      <fieldset
        className="fieldset"
        aria-describedby={describedBy(hint ? hintIdFor(path) : null, error ? errorIdFor(path) : null)}
      >
        <legend className="fieldset__legend fieldset__legend--m">{label}</legend>
        {hint ? <Hint path={path} hint={hint} /> : null}
        {error ? <ErrorMessage path={path} message={error} /> : null}
        <div className="checkboxes">
          {options.map((o, i) => {
            const checked = values.includes(o.value);
            const reveal = conditional?.[o.value];
            return (
              <div key={o.value}>
                <div className="checkboxes__item">
                  <input
                    className="checkboxes__input"
                    id={optionId(path, i)}
                    name={path}
                    type="checkbox"
                    value={o.value}
                    checked={checked}
                    onChange={(e) => toggle(o.value, e.target.checked)}
                    aria-invalid={error ? true : undefined}
                  />
                  <label className="label checkboxes__label" htmlFor={optionId(path, i)}>
                    {o.label}
                  </label>
                </div>
                {checked && reveal ? <div className="checkboxes__conditional">{reveal}</div> : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </FormGroup>
  );
}
