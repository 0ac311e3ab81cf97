import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import type { WorkflowType } from '../../../../contract/portal';
import { type InputOf, useSaveEditorRecord } from '../api';
import { problemErrors, zodErrors } from './formErrors';

/**
 * The save step every editor form shares: field errors from the contract's parse or the server's
 * problem, a confirmation, and for a new record the move to its own address.
 */
export function useSubmitEditorRecord<T extends WorkflowType>(type: T, recordId: string | undefined) {
  const { t } = useTranslation('portal');
  const navigate = useNavigate();
  const save = useSaveEditorRecord(type, recordId);
  const submit = (parsed: z.ZodSafeParseResult<InputOf[T]>, setErrors: (errors: Record<string, string>) => void) => {
    if (!parsed.success) {
      setErrors(zodErrors(parsed.error, t));
      return;
    }
    save.mutate(parsed.data, {
      onSuccess: (saved) => {
        notifications.show({ color: 'green', message: t('editor.saved') });
        if (!recordId) void navigate(`/editor/${type}/${saved.id}`, { replace: true });
      },
      onError: (error) => setErrors(problemErrors(error, t)),
    });
  };
  return { save, submit };
}
