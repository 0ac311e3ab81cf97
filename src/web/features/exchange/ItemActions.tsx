import { Alert, Button, Group, MultiSelect, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REFUSAL_GROUNDS, type ItemView, type Transition } from '../../../contract/exchange';
import { ApiError } from '../../api/client';
import { useSession } from '../../api/session';
import { useComposeOptions, useForward, useReply, useRetract, useReturn, useTransition } from './api';
import { useDeskLabel } from './components';

type Open = { kind: 'transition'; transition: Transition } | { kind: 'reply' } | { kind: 'forward' } | { kind: 'retract' } | { kind: 'return' } | null;

/** The state changes, reply, retraction and return the user may make on one item, each with its note. */
export function ItemActions({ item }: { item: ItemView }) {
  const { t } = useTranslation('exchange');
  const { data: session } = useSession();
  const [open, setOpen] = useState<Open>(null);
  const [note, setNote] = useState('');
  const [ground, setGround] = useState<string | null>(null);
  const [subject, setSubject] = useState(`Re: ${item.subject ?? ''}`.slice(0, 300));
  const transition = useTransition(item.id);
  const reply = useReply(item.id);
  const retract = useRetract(item.id);
  const giveBack = useReturn(item.id);
  const forward = useForward(item.id);
  const deskLabel = useDeskLabel();
  const [forwardTo, setForwardTo] = useState<string[]>([]);
  const desks = useComposeOptions(open?.kind === 'forward');
  const pending = transition.isPending || reply.isPending || retract.isPending || giveBack.isPending || forward.isPending;
  const failure = transition.error ?? reply.error ?? retract.error ?? giveBack.error ?? forward.error;
  const myDesks = session?.user?.deskIds ?? [];
  const replyDesk = [item.senderDesk.id, ...item.recipientDesks.map((desk) => desk.id)].find((id) => myDesks.includes(id));
  const forwardDesk = item.recipientDesks.map((desk) => desk.id).find((id) => myDesks.includes(id));
  const done = () => {
    setOpen(null);
    setNote('');
    setGround(null);
  };

  const submit = () => {
    if (!open) return;
    if (open.kind === 'transition') transition.mutate({ transition: open.transition, note, ground: (ground ?? undefined) as never }, { onSuccess: done });
    if (open.kind === 'retract') retract.mutate({ reason: note }, { onSuccess: done });
    if (open.kind === 'return') giveBack.mutate({ reason: note }, { onSuccess: done });
    if (open.kind === 'forward' && forwardDesk) forward.mutate({ senderDeskId: forwardDesk, recipientDeskIds: forwardTo, note, marking: item.marking }, { onSuccess: done });
    if (open.kind === 'reply' && replyDesk) {
      reply.mutate({ senderDeskId: replyDesk, kind: 'information', subject, bodyHtml: `<p>${note.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\n/g, '<br>')}</p>`, marking: item.marking, handling: item.handling.text ? { code: item.handling.code, text: item.handling.text } : { code: item.handling.code }, evaluation: { source: item.evaluation.source, accuracy: item.evaluation.accuracy as 1 } }, { onSuccess: done });
    }
  };

  const buttons: { key: string; label: string; open: Open }[] = [
    ...item.transitions.map((value) => ({ key: value, label: t(`transition.${value}`), open: { kind: 'transition', transition: value } as Open })),
    ...(item.abilities['exchange.item.reply'] && replyDesk ? [{ key: 'reply', label: t('action.reply'), open: { kind: 'reply' } as Open }] : []),
    ...(item.abilities['exchange.item.forward'] && forwardDesk ? [{ key: 'forward', label: t('action.forward'), open: { kind: 'forward' } as Open }] : []),
    ...(item.abilities['exchange.item.retract'] ? [{ key: 'retract', label: t('action.retract'), open: { kind: 'retract' } as Open }] : []),
    ...(item.abilities['exchange.item.approve'] ? [{ key: 'return', label: t('action.return'), open: { kind: 'return' } as Open }] : []),
  ];
  if (buttons.length === 0) return null;
  const noteLabel = !open ? '' : open.kind === 'transition' ? t(`note.${open.transition}`) : t(`note.${open.kind}`);

  return (
    <Stack gap="xs">
      <Group gap="xs">
        {buttons.map((button) => (
          <Button key={button.key} variant={JSON.stringify(open) === JSON.stringify(button.open) ? 'filled' : 'light'} size="xs" onClick={() => setOpen(button.open)}>{button.label}</Button>
        ))}
      </Group>
      {open && (
        <Stack gap="xs">
          {open.kind === 'forward' && (
            <MultiSelect label={t('field.to')} data={(desks.data?.desks ?? []).filter((desk) => !item.recipientDesks.some((own) => own.id === desk.id) && desk.id !== item.senderDesk.id).map((desk) => ({ value: desk.id, label: deskLabel(desk) }))} value={forwardTo} onChange={setForwardTo} searchable />
          )}
          {open.kind === 'reply' && <TextInput label={t('field.subject')} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} />}
          {open.kind === 'transition' && open.transition === 'refuse' && (
            <Select label={t('field.ground')} data={REFUSAL_GROUNDS.map((value) => ({ value, label: t(`ground.${value}`) }))} value={ground} onChange={setGround} />
          )}
          {!(open.kind === 'transition' && open.transition === 'accept') && <Textarea label={noteLabel} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={3} />}
          <Group>
            <Button onClick={submit} loading={pending}>{t('action.confirm')}</Button>
            <Button variant="default" onClick={done}>{t('action.cancel')}</Button>
          </Group>
        </Stack>
      )}
      {failure && <Alert color="red" role="alert">{failure instanceof ApiError ? (failure.detail ?? failure.title) : t('error')}</Alert>}
    </Stack>
  );
}
