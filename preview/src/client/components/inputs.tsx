// Form and inputs. The card owns the values; the host keeps what the user types while the field has focus
// (updates from the worker arrive a moment later and must not move the cursor).
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { cls, extensionEvent, handler, marks, str, type HostProps } from './shared.js';

function useFieldValue<T>(remote: T | undefined, fallback: T) {
  const [value, setValue] = useState<T>(remote ?? fallback);
  const focused = useRef(false);
  useEffect(() => {
    if (remote !== undefined && !focused.current) setValue(remote);
  }, [remote]);
  const focus = {
    onFocus: () => {
      focused.current = true;
    },
    blurred: () => {
      focused.current = false;
    },
  };
  return [value, setValue, focus] as const;
}

interface FieldProps {
  name: string;
  props: HostProps;
  id: string;
  children: ReactNode;
}

function Field({ name, props, id, children }: FieldProps) {
  const label = str(props.label);
  const message = str(props.validationMessage);
  return (
    <div
      {...{ 'data-hs-component': name, 'data-testid': props.testId, 'data-name': str(props.name) }}
      className={cls('hs-field', props.error === true && 'has-error')}
    >
      {label ? (
        <label className="hs-field__label" htmlFor={id}>
          {label}
          {props.required === true ? <span className="hs-required"> *</span> : null}
          {props.tooltip ? (
            <span className="hs-field__tip" title={str(props.tooltip)}>
              {' '}
              ⓘ
            </span>
          ) : null}
        </label>
      ) : null}
      {props.description ? (
        <div className="hs-field__description">{str(props.description)}</div>
      ) : null}
      {children}
      {message ? (
        <div className={cls('hs-field__message', props.error === true && 'is-error')}>
          {message}
        </div>
      ) : null}
    </div>
  );
}

export function Form(props: HostProps) {
  const onSubmit = handler(props.onSubmit);
  return (
    <form
      {...marks('Form', props)}
      className="hs-form"
      autoComplete={str(props.autoComplete)}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const targetValue: Record<string, string | number> = {};
        for (const element of Array.from(e.currentTarget.elements)) {
          const input = element as HTMLInputElement;
          if (!input.name || input.type === 'submit' || input.type === 'button') continue;
          if ((input.type === 'checkbox' || input.type === 'radio') && !input.checked) continue;
          targetValue[input.name] =
            input.type === 'number' && input.value !== '' ? Number(input.value) : input.value;
        }
        onSubmit?.({ ...extensionEvent(e), targetValue });
      }}
    >
      {props.children}
    </form>
  );
}

function TextField(name: 'Input' | 'TextArea' | 'SearchInput') {
  function HostTextField(props: HostProps) {
    const id = useId();
    const [value, setValue, focus] = useFieldValue<string>(
      str(props.value),
      str(props.defaultValue) ?? '',
    );
    const onInput = handler(props.onInput);
    const onChange = handler(props.onChange);
    const onBlur = handler(props.onBlur);
    const onFocus = handler(props.onFocus);
    const common = {
      id,
      name: str(props.name),
      value,
      placeholder: str(props.placeholder),
      readOnly: props.readOnly === true,
      required: props.required === true,
      'aria-invalid': props.error === true,
      className: 'hs-input',
      onFocus: () => {
        focus.onFocus();
        onFocus?.(value);
      },
      onChange: (e: { target: { value: string } }) => {
        setValue(e.target.value);
        onInput?.(e.target.value);
      },
      onBlur: () => {
        focus.blurred();
        onChange?.(value);
        onBlur?.(value);
      },
    };
    return (
      <Field name={name} props={props} id={id}>
        {name === 'TextArea' ? (
          <textarea
            {...common}
            rows={typeof props.rows === 'number' ? props.rows : 3}
            maxLength={typeof props.maxLength === 'number' ? props.maxLength : undefined}
          />
        ) : (
          <input
            {...common}
            type={
              props.type === 'password' ? 'password' : name === 'SearchInput' ? 'search' : 'text'
            }
          />
        )}
      </Field>
    );
  }
  return HostTextField;
}

export const Input = TextField('Input');
export const TextArea = TextField('TextArea');
export const SearchInput = TextField('SearchInput');

function NumberField(name: 'NumberInput' | 'CurrencyInput' | 'StepperInput') {
  function HostNumberField(props: HostProps) {
    const id = useId();
    const remote = typeof props.value === 'number' ? String(props.value) : undefined;
    const initial = typeof props.defaultValue === 'number' ? String(props.defaultValue) : '';
    const [text, setText, focus] = useFieldValue<string>(remote, initial);
    const onInput = handler(props.onInput);
    const onChange = handler(props.onChange);
    const onBlur = handler(props.onBlur);
    const parsed = text.trim() === '' ? undefined : Number(text);
    const step =
      name === 'StepperInput' && typeof props.stepSize === 'number' ? props.stepSize : 'any';
    return (
      <Field name={name} props={props} id={id}>
        <div className="hs-number">
          {name === 'CurrencyInput' ? (
            <span className="hs-number__unit">{str(props.currency) ?? 'USD'}</span>
          ) : null}
          <input
            id={id}
            className="hs-input"
            type="number"
            name={str(props.name)}
            value={text}
            step={step}
            min={typeof props.min === 'number' ? props.min : undefined}
            max={typeof props.max === 'number' ? props.max : undefined}
            readOnly={props.readOnly === true}
            required={props.required === true}
            aria-invalid={props.error === true}
            placeholder={str(props.placeholder)}
            onFocus={focus.onFocus}
            onChange={(e) => {
              setText(e.target.value);
              const n = e.target.value.trim() === '' ? undefined : Number(e.target.value);
              if (n !== undefined && Number.isFinite(n)) onInput?.(n);
            }}
            onBlur={() => {
              focus.blurred();
              if (parsed !== undefined && Number.isFinite(parsed)) {
                onChange?.(parsed);
                onBlur?.(parsed);
              }
            }}
          />
          {props.formatStyle === 'percentage' ? <span className="hs-number__unit">%</span> : null}
        </div>
      </Field>
    );
  }
  return HostNumberField;
}

export const NumberInput = NumberField('NumberInput');
export const CurrencyInput = NumberField('CurrencyInput');
export const StepperInput = NumberField('StepperInput');

type OptionValue = string | number | boolean;
interface Option {
  label: string;
  value: OptionValue;
}

function optionsOf(value: unknown): Option[] {
  return Array.isArray(value) ? (value as Option[]) : [];
}

export function Select(props: HostProps) {
  const id = useId();
  const options = optionsOf(props.options);
  const onChange = handler(props.onChange);
  const [selected, setSelected] = useState<OptionValue | undefined>(
    props.value as OptionValue | undefined,
  );
  useEffect(() => setSelected(props.value as OptionValue | undefined), [props.value]);
  const index = options.findIndex((o) => o.value === selected);
  return (
    <Field name="Select" props={props} id={id}>
      <select
        id={id}
        className="hs-input hs-select"
        name={str(props.name)}
        value={index >= 0 ? String(index) : ''}
        disabled={props.readOnly === true}
        required={props.required === true}
        aria-invalid={props.error === true}
        onChange={(e) => {
          const option = options[Number(e.target.value)];
          if (!option) return;
          setSelected(option.value);
          onChange?.(option.value);
        }}
      >
        <option value="" disabled>
          {str(props.placeholder) ?? 'Select an option'}
        </option>
        {options.map((o, i) => (
          <option key={i} value={String(i)}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function MultiSelect(props: HostProps) {
  const id = useId();
  const options = optionsOf(props.options);
  const onChange = handler(props.onChange);
  const [selected, setSelected] = useState<OptionValue[]>(
    Array.isArray(props.value) ? (props.value as OptionValue[]) : [],
  );
  useEffect(() => {
    if (Array.isArray(props.value)) setSelected(props.value as OptionValue[]);
  }, [props.value]);
  return (
    <Field name="MultiSelect" props={props} id={id}>
      <div id={id} className="hs-checklist" role="group">
        {options.map((o, i) => (
          <label key={i} className="hs-check">
            <input
              type="checkbox"
              checked={selected.includes(o.value)}
              disabled={props.readOnly === true}
              onChange={(e) => {
                const next = e.target.checked
                  ? [...selected, o.value]
                  : selected.filter((v) => v !== o.value);
                setSelected(next);
                onChange?.(next);
              }}
            />
            {o.label}
          </label>
        ))}
      </div>
    </Field>
  );
}

function CheckField(name: 'Checkbox' | 'RadioButton') {
  function HostCheck(props: HostProps) {
    const [checked, setChecked] = useState<boolean>(
      typeof props.checked === 'boolean' ? props.checked : props.initialIsChecked === true,
    );
    useEffect(() => {
      if (typeof props.checked === 'boolean') setChecked(props.checked);
    }, [props.checked]);
    const onChange = handler(props.onChange);
    const value = str(props.value) ?? 'on';
    return (
      <label
        {...marks(name, props)}
        className={cls('hs-check', props.inline === true && 'hs-check--inline')}
      >
        <input
          type={name === 'Checkbox' ? 'checkbox' : 'radio'}
          name={str(props.name)}
          value={value}
          checked={checked}
          disabled={props.readOnly === true || props.readonly === true}
          aria-label={str(props['aria-label'])}
          onChange={(e) => {
            setChecked(e.target.checked);
            onChange?.(e.target.checked, value);
          }}
        />
        <span>
          {props.children}
          {props.description ? (
            <span className="hs-field__description"> {str(props.description)}</span>
          ) : null}
        </span>
      </label>
    );
  }
  return HostCheck;
}

export const Checkbox = CheckField('Checkbox');
export const RadioButton = CheckField('RadioButton');

export function ToggleGroup(props: HostProps) {
  const id = useId();
  const radio = props.toggleType === 'radioButtonList';
  const options = Array.isArray(props.options)
    ? (props.options as { label: string; value: string; description?: string }[])
    : [];
  const onChange = handler(props.onChange);
  const initial = Array.isArray(props.value)
    ? (props.value as string[])
    : typeof props.value === 'string'
      ? [props.value]
      : [];
  const [selected, setSelected] = useState<string[]>(initial);
  useEffect(() => {
    if (Array.isArray(props.value)) setSelected(props.value as string[]);
    else if (typeof props.value === 'string') setSelected([props.value]);
  }, [props.value]);
  return (
    <Field name="ToggleGroup" props={props} id={id}>
      <div
        id={id}
        className={cls('hs-checklist', props.inline === true && 'hs-checklist--inline')}
        role={radio ? 'radiogroup' : 'group'}
      >
        {options.map((o) => (
          <label key={o.value} className="hs-check">
            <input
              type={radio ? 'radio' : 'checkbox'}
              name={str(props.name)}
              value={o.value}
              checked={selected.includes(o.value)}
              onChange={(e) => {
                const next = radio
                  ? [o.value]
                  : e.target.checked
                    ? [...selected, o.value]
                    : selected.filter((v) => v !== o.value);
                setSelected(next);
                onChange?.(radio ? o.value : next);
              }}
            />
            <span>
              {o.label}
              {o.description ? (
                <span className="hs-field__description"> {o.description}</span>
              ) : null}
            </span>
          </label>
        ))}
      </div>
    </Field>
  );
}

export function Toggle(props: HostProps) {
  const [checked, setChecked] = useState<boolean>(
    typeof props.checked === 'boolean' ? props.checked : props.initialIsChecked === true,
  );
  useEffect(() => {
    if (typeof props.checked === 'boolean') setChecked(props.checked);
  }, [props.checked]);
  const onChange = handler(props.onChange);
  return (
    <label {...marks('Toggle', props)} className="hs-toggle">
      {props.labelDisplay !== 'hidden' ? (
        <span className="hs-field__label">{str(props.label)}</span>
      ) : null}
      <input
        type="checkbox"
        role="switch"
        name={str(props.name)}
        checked={checked}
        aria-label={str(props.label)}
        disabled={props.readOnly === true || props.readonly === true}
        onChange={(e) => {
          setChecked(e.target.checked);
          onChange?.(e.target.checked);
        }}
      />
      <span className="hs-toggle__track" aria-hidden="true" />
      <span className="hs-text--micro">
        {checked ? (str(props.textChecked) ?? 'On') : (str(props.textUnchecked) ?? 'Off')}
      </span>
    </label>
  );
}

interface BaseDate {
  year: number;
  month: number;
  date: number;
}

function isoOf(value: unknown): string {
  if (!value || typeof value !== 'object') return '';
  const d = value as BaseDate;
  return `${String(d.year).padStart(4, '0')}-${String(d.month + 1).padStart(2, '0')}-${String(d.date).padStart(2, '0')}`;
}

export function DateInput(props: HostProps) {
  const id = useId();
  const [value, setValue] = useState(isoOf(props.value ?? props.defaultValue));
  useEffect(() => {
    if (props.value !== undefined) setValue(isoOf(props.value));
  }, [props.value]);
  const onChange = handler(props.onChange);
  return (
    <Field name="DateInput" props={props} id={id}>
      <input
        id={id}
        type="date"
        className="hs-input"
        name={str(props.name)}
        value={value}
        min={props.min ? isoOf(props.min) : undefined}
        max={props.max ? isoOf(props.max) : undefined}
        readOnly={props.readOnly === true}
        required={props.required === true}
        onChange={(e) => {
          setValue(e.target.value);
          const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(e.target.value);
          onChange?.(
            m
              ? {
                  year: Number(m[1]),
                  month: Number(m[2]) - 1,
                  date: Number(m[3]),
                  formattedDate: e.target.value,
                }
              : null,
          );
        }}
      />
    </Field>
  );
}

export function TimeInput(props: HostProps) {
  const id = useId();
  const onChange = handler(props.onChange);
  return (
    <Field name="TimeInput" props={props} id={id}>
      <input
        id={id}
        type="time"
        className="hs-input"
        name={str(props.name)}
        onChange={(e) => {
          const [h, m] = e.target.value.split(':').map(Number);
          onChange?.({ hours: h ?? 0, minutes: m ?? 0 });
        }}
      />
    </Field>
  );
}
