import { Box, Button, Flex, Heading, Input, Select, Text } from '@hubspot/ui-extensions';
import {
  STAKEHOLDER_ROLES,
  STAKEHOLDER_ROLE_TITLES,
  stakeholderEmailProblem,
  type Stakeholder,
  type StakeholderRole,
} from '@csops/core';

const ROLE_OPTIONS: { label: string; value: StakeholderRole }[] = STAKEHOLDER_ROLES.map((role) => ({
  value: role,
  label: STAKEHOLDER_ROLE_TITLES[role],
}));

export interface StakeholdersProps {
  /** The section's label, with the required marker when settings require stakeholders. */
  title: string;
  /** What the core says is wrong with the list as a whole (missing roles, blank names). */
  problem?: string;
  stakeholders: Stakeholder[];
  readOnly: boolean;
  onChange: (next: Stakeholder[]) => void;
}

export function Stakeholders({
  title,
  problem,
  stakeholders,
  readOnly,
  onChange,
}: StakeholdersProps) {
  const update = (i: number, patch: Partial<Stakeholder>) =>
    onChange(stakeholders.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <Flex direction="column" gap="sm">
      <Heading>{title}</Heading>
      {problem ? (
        <Text variant="microcopy" testId="stakeholders-problem">
          {problem}
        </Text>
      ) : null}
      {stakeholders.length === 0 ? <Text>No stakeholders yet.</Text> : null}
      {stakeholders.map((s, i) => (
        // Name and role share a row; the email gets the full width, since addresses run long.
        <Flex key={i} direction="column" gap="xs">
          <Flex direction="row" gap="xs" align="end">
            <Box flex={3}>
              <Input
                label="Name"
                name={`stakeholder-${i}-name`}
                value={s.name}
                readOnly={readOnly}
                onInput={(v) => update(i, { name: v })}
                testId={`stakeholder-${i}-name`}
              />
            </Box>
            <Box flex={2}>
              <Select
                label="Role"
                name={`stakeholder-${i}-role`}
                value={s.role}
                options={ROLE_OPTIONS}
                readOnly={readOnly}
                onChange={(v) => update(i, { role: v as StakeholderRole })}
                testId={`stakeholder-${i}-role`}
              />
            </Box>
            {readOnly ? null : (
              <Button
                variant="transparent"
                onClick={() => onChange(stakeholders.filter((_, j) => j !== i))}
              >
                Remove
              </Button>
            )}
          </Flex>
          <Input
            label="Email"
            name={`stakeholder-${i}-email`}
            value={s.email ?? ''}
            readOnly={readOnly}
            error={stakeholderEmailProblem(s.email) !== null}
            validationMessage={stakeholderEmailProblem(s.email) ?? undefined}
            onInput={(v) => update(i, { email: v })}
            testId={`stakeholder-${i}-email`}
          />
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
