import '@mantine/tiptap/styles.css';
import { Input } from '@mantine/core';
import { Link, RichTextEditor } from '@mantine/tiptap';
import { useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';

interface RichTextFieldProps {
  label: string;
  value: string;
  onChange: (html: string) => void;
  error?: string;
  description?: string;
}

/**
 * Rich text as HTML. The server sanitises whatever arrives (see docs/portal-api.md), so the
 * editor offers only what survives that allow-list: headings, lists, quotes, links.
 */
export function RichTextField({ label, value, onChange, error, description }: RichTextFieldProps) {
  const { t } = useTranslation('portal');
  const labelId = useId();
  const editor = useEditor({
    extensions: [StarterKit.configure({ link: false }), Link.configure({ openOnClick: false, protocols: ['http', 'https', 'mailto'] })],
    content: value,
    immediatelyRender: true,
    editorProps: { attributes: { 'aria-labelledby': labelId, role: 'textbox', 'aria-multiline': 'true' } },
    onUpdate: ({ editor: current }) => onChange(current.isEmpty ? '' : current.getHTML()),
  });

  // A different record (or a reset) replaces the content; typing does not come back through here.
  useEffect(() => {
    if (editor && value !== editor.getHTML() && !(value === '' && editor.isEmpty)) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);

  const labels = {
    boldControlLabel: t('rte.bold'),
    italicControlLabel: t('rte.italic'),
    underlineControlLabel: t('rte.underline'),
    strikeControlLabel: t('rte.strike'),
    clearFormattingControlLabel: t('rte.clear'),
    h2ControlLabel: t('rte.h2'),
    h3ControlLabel: t('rte.h3'),
    bulletListControlLabel: t('rte.bulletList'),
    orderedListControlLabel: t('rte.orderedList'),
    blockquoteControlLabel: t('rte.blockquote'),
    linkControlLabel: t('rte.link'),
    unlinkControlLabel: t('rte.unlink'),
    linkEditorInputLabel: t('rte.linkUrl'),
    linkEditorInputPlaceholder: 'https://',
    linkEditorSave: t('rte.save'),
  };

  return (
    <Input.Wrapper label={label} labelProps={{ id: labelId, component: 'span' }} error={error} description={description}>
      <RichTextEditor editor={editor} labels={labels} mt={4}>
        <RichTextEditor.Toolbar sticky stickyOffset={60}>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Bold />
            <RichTextEditor.Italic />
            <RichTextEditor.Underline />
            <RichTextEditor.Strikethrough />
            <RichTextEditor.ClearFormatting />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.H2 />
            <RichTextEditor.H3 />
            <RichTextEditor.Blockquote />
            <RichTextEditor.BulletList />
            <RichTextEditor.OrderedList />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Link />
            <RichTextEditor.Unlink />
          </RichTextEditor.ControlsGroup>
        </RichTextEditor.Toolbar>
        <RichTextEditor.Content mih={220} />
      </RichTextEditor>
    </Input.Wrapper>
  );
}
