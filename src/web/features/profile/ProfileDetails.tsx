import { Badge, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProfileView } from '../../../contract/identity';
import { formatDateTime } from './format';

export function ProfileDetails({ profile }: { profile: ProfileView }) {
  const { t, i18n } = useTranslation('profile');
  const rows: [string, React.ReactNode][] = [
    [t('details.name'), profile.displayName],
    [t('details.email'), profile.email],
    [t('details.organisation'), profile.organisation.name],
    [t('details.economy'), `${profile.economy.name} (${profile.economy.code})`],
    [
      t('details.roles'),
      <Group gap={4} key="roles">
        {profile.roles.map((role) => (
          <Badge key={role} variant="light">
            {t(`roles.${role}`)}
          </Badge>
        ))}
      </Group>,
    ],
    [t('details.clearance'), t(`clearance.${profile.clearance}`)],
    [
      t('details.desks'),
      profile.desks.length ? profile.desks.map((desk) => desk.name).join(', ') : <Text c="gray.7" size="sm" span key="none">{t('details.noDesks')}</Text>,
    ],
    [t('details.passwordChanged'), formatDateTime(profile.passwordChangedAt, i18n.language)],
  ];
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={2} size="h3" mb="sm">
        {t('details.title')}
      </Title>
      <Table variant="vertical" layout="fixed" withTableBorder={false}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={{ base: 130, sm: 200 }}>{label}</Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
