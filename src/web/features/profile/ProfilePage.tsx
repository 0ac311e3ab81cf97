import { Container, Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../../api/session';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { profileKeys, useProfile } from './api';
import { PasswordForm } from './PasswordForm';
import { ProfileDetails } from './ProfileDetails';
import { SecondFactorPanel } from './SecondFactorPanel';
import { SessionsPanel } from './SessionsPanel';

export function ProfilePage() {
  const { t } = useTranslation('profile');
  usePageTitle(t('title'));
  const profile = useProfile();
  const canUpdate = useAbility('profile.update');
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: profileKeys.all });
  return (
    <Container size="md">
      <Title order={1} mb="lg">
        {t('title')}
      </Title>
      <QueryState query={profile}>
        {(data) => (
          <Stack gap="lg">
            <ProfileDetails profile={data} />
            {canUpdate && <PasswordForm email={data.email} />}
            <SecondFactorPanel profile={data} canUpdate={canUpdate} onChanged={refresh} />
            <SessionsPanel canUpdate={canUpdate} />
          </Stack>
        )}
      </QueryState>
    </Container>
  );
}
