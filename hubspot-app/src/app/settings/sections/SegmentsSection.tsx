import { Flex, Heading } from '@hubspot/ui-extensions';
import { SettingNumber } from './SettingNumber.js';
import type { SectionProps } from './WeightsSection.js';

export function SegmentsSection({ draft, issues, readOnly, set }: SectionProps) {
  return (
    <Flex direction="column" gap="xs">
      <Heading>Segments</Heading>
      <SettingNumber
        path={['segments', 'enterpriseMinArr']}
        value={draft.segments.enterpriseMinArr}
        testId="segments-enterprise"
        issues={issues}
        readOnly={readOnly}
        set={set}
      />
      <SettingNumber
        path={['segments', 'midMarketMinArr']}
        value={draft.segments.midMarketMinArr}
        testId="segments-midmarket"
        issues={issues}
        readOnly={readOnly}
        set={set}
      />
    </Flex>
  );
}
