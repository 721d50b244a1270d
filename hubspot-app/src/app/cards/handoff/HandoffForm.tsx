import { Checkbox, DateInput, Flex, TextArea } from '@hubspot/ui-extensions';
import {
  HANDOFF_ITEM_LABELS,
  type HandoffInput,
  type HandoffItemKey,
  type HandoffItemResult,
} from '@csops/core';
import { Stakeholders } from './Stakeholders.js';

type TextKey = Extract<
  HandoffItemKey,
  | 'customerGoals'
  | 'successCriteria'
  | 'technicalRequirements'
  | 'implementationRequirements'
  | 'competitiveAlternatives'
  | 'promisesMade'
>;

const TEXT_FIELDS: { key: TextKey; placeholder: string }[] = [
  {
    key: 'customerGoals',
    placeholder: 'What the customer wants to achieve, in their words',
  },
  {
    key: 'successCriteria',
    placeholder: 'How the customer will measure success',
  },
  {
    key: 'technicalRequirements',
    placeholder: 'Integrations, SSO, data, security',
  },
  {
    key: 'implementationRequirements',
    placeholder: 'Timeline, teams involved, rollout plan',
  },
  {
    key: 'competitiveAlternatives',
    placeholder: 'Competitors or in-house options considered',
  },
  {
    key: 'promisesMade',
    placeholder: 'Anything committed beyond the contract',
  },
];

function toDateValue(ymd: string | undefined) {
  const m = ymd ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd) : null;
  return m ? { year: Number(m[1]), month: Number(m[2]) - 1, date: Number(m[3]) } : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

export interface HandoffFormProps {
  value: HandoffInput;
  items: HandoffItemResult[];
  readOnly: boolean;
  onChange: (next: HandoffInput) => void;
}

export function HandoffForm({ value, items, readOnly, onChange }: HandoffFormProps) {
  const byKey = new Map(items.map((i) => [i.key, i]));
  // Messages appear once a field has content that is not good enough; empty fields show in the list.
  const problem = (key: HandoffItemKey) => {
    const item = byKey.get(key);
    return item?.status === 'invalid' ? item.message : undefined;
  };
  const required = (key: HandoffItemKey) => byKey.get(key)?.required ?? false;
  // Checkboxes and headings take no required flag: they carry HubSpot's asterisk in their label.
  const labelOf = (key: HandoffItemKey) =>
    required(key) ? `${HANDOFF_ITEM_LABELS[key]} *` : HANDOFF_ITEM_LABELS[key];
  const set = (patch: Partial<HandoffInput>) => onChange({ ...value, ...patch });
  return (
    <Flex direction="column" gap="sm">
      {TEXT_FIELDS.map((f) => (
        <TextArea
          key={f.key}
          label={HANDOFF_ITEM_LABELS[f.key]}
          name={f.key}
          placeholder={f.placeholder}
          value={value[f.key] ?? ''}
          required={required(f.key)}
          readOnly={readOnly}
          error={problem(f.key) !== undefined}
          validationMessage={problem(f.key)}
          onInput={(v) => set({ [f.key]: v })}
          testId={f.key}
        />
      ))}
      <Stakeholders
        title={labelOf('stakeholders')}
        problem={problem('stakeholders')}
        stakeholders={value.stakeholders ?? []}
        readOnly={readOnly}
        onChange={(stakeholders) => set({ stakeholders })}
      />
      <Checkbox
        name="contractExecuted"
        checked={value.contractExecuted ?? false}
        readOnly={readOnly}
        onChange={(checked) => set({ contractExecuted: checked })}
        testId="contractExecuted"
      >
        {labelOf('contractExecuted')}
      </Checkbox>
      <Checkbox
        name="paymentTermsConfirmed"
        checked={value.paymentTermsConfirmed ?? false}
        readOnly={readOnly}
        onChange={(checked) => set({ paymentTermsConfirmed: checked })}
        testId="paymentTermsConfirmed"
      >
        {labelOf('paymentTermsConfirmed')}
      </Checkbox>
      <DateInput
        label={HANDOFF_ITEM_LABELS.kickoffDate}
        name="kickoffDate"
        format="YYYY-MM-DD"
        required={required('kickoffDate')}
        value={toDateValue(value.kickoffDate)}
        readOnly={readOnly}
        error={problem('kickoffDate') !== undefined}
        validationMessage={problem('kickoffDate')}
        onChange={(d) =>
          set({ kickoffDate: d ? `${d.year}-${pad(d.month + 1)}-${pad(d.date)}` : undefined })
        }
        testId="kickoffDate"
      />
    </Flex>
  );
}
