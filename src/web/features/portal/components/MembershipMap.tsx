import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMembershipMatrix } from '../api';
import { REGION_ECONOMIES, useEconomyName } from './economies';
import { RegionMap } from './RegionMap';

const MEMBER_COLOR = '#1c7ed6';
const NON_MEMBER_COLOR = '#c4cad0';

/**
 * The region coloured by membership of one initiative. The text beneath names the members, and
 * the membership matrix (a table with row and column headers) is the full text alternative.
 */
export function MembershipMap({ name, members }: { name: string; members: string[] }) {
  const { t, i18n } = useTranslation('portal');
  const economyName = useEconomyName();
  const matrix = useMembershipMatrix();
  const region = matrix.data?.economies.map((economy) => economy.code).filter((code) => /^[A-Z]{2}$/.test(code)) ?? REGION_ECONOMIES;
  const assignment = Object.fromEntries(members.map((code) => [code, 'member']));
  const memberNames = members
    .filter((code) => /^[A-Z]{2}$/.test(code))
    .map(economyName)
    .sort((a, b) => a.localeCompare(b, i18n.language));

  return (
    <div>
      <RegionMap
        title={t('map.title', { name })}
        assignment={assignment}
        defaultCategory="other"
        categories={[
          { key: 'member', label: t('map.member'), color: MEMBER_COLOR },
          { key: 'other', label: t('map.notMember'), color: NON_MEMBER_COLOR },
        ]}
        region={region}
        economyName={economyName}
      />
      <Text size="sm" mt="xs">
        <strong>{t('map.membersOf', { name })}</strong> {memberNames.length > 0 ? memberNames.join(', ') : t('map.noMembers')}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        <Anchor component={Link} to="/initiatives/matrix" size="xs" underline="always">
          {t('map.tableAlternative')}
        </Anchor>
      </Text>
    </div>
  );
}
