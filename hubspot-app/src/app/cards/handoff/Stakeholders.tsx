import { Button, Flex, Heading, Input, Select, Text } from '@hubspot/ui-extensions';
import { STAKEHOLDER_ROLES, type Stakeholder, type StakeholderRole } from '@csops/core';

const ROLE_OPTIONS: { label: string; value: StakeholderRole }[] = STAKEHOLDER_ROLES.map((role) => ({
  value: role,
  label: {
    champion: 'Champion',
    executive_sponsor: 'Executive sponsor',
    admin: 'Admin',
    user: 'User',
    other: 'Other',
  }[role],
}));

export interface StakeholdersProps {
  stakeholders: Stakeholder[];
  readOnly: boolean;
  onChange: (next: Stakeholder[]) => void;
}

export function Stakeholders({ stakeholders, readOnly, onChange }: StakeholdersProps) {
  const update = (i: number, patch: Partial<Stakeholder>) =>
    onChange(stakeholders.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <Flex direction="column" gap="xs">
      <Heading>Stakeholders</Heading>
      {stakeholders.length === 0 ? <Text>No stakeholders yet.</Text> : null}
      {stakeholders.map((s, i) => (
        <Flex key={i} direction="row" gap="xs" align="end">
          <Input
            label="Name"
            name={`stakeholder-${i}-name`}
            value={s.name}
            readOnly={readOnly}
            onInput={(v) => update(i, { name: v })}
            testId={`stakeholder-${i}-name`}
          />
          <Input
            label="Email"
            name={`stakeholder-${i}-email`}
            value={s.email ?? ''}
            readOnly={readOnly}
            onInput={(v) => update(i, { email: v })}
            testId={`stakeholder-${i}-email`}
          />
          <Select
            label="Role"
            name={`stakeholder-${i}-role`}
            value={s.role}
            options={ROLE_OPTIONS}
            readOnly={readOnly}
            onChange={(v) => update(i, { role: v as StakeholderRole })}
            testId={`stakeholder-${i}-role`}
          />
          {readOnly ? null : (
            <Button
              variant="transparent"
              onClick={() => onChange(stakeholders.filter((_, j) => j !== i))}
            >
              Remove
            </Button>
          )}
        </Flex>
      ))}
      {readOnly ? null : (
        <Button
          onClick={() => onChange([...stakeholders, { name: '', role: 'champion' }])}
          testId="add-stakeholder"
        >
          Add stakeholder
        </Button>
      )}
    </Flex>
  );
}
