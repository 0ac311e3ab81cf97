import { Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { api } from '../api/client';
import { sessionKeys } from '../api/session';

export function SignOutButton() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = async () => {
    await api(z.unknown(), '/api/auth/sign-out', { method: 'POST' }).catch(() => undefined);
    queryClient.clear();
    await queryClient.invalidateQueries({ queryKey: sessionKeys.current });
    void navigate('/');
  };
  return (
    // Never squeezed: on a phone the header's other parts give way first, so the label stays whole.
    <Button variant="default" size="compact-sm" style={{ flexShrink: 0 }} onClick={() => void signOut()}>
      {t('signOut')}
    </Button>
  );
}
